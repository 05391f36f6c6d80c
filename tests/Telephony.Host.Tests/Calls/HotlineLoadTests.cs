using Telephony.Acd.Agents;
using Telephony.Acd.Skills;
using Telephony.Calls.Control;
using Telephony.Host.Acd;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class HotlineLoadTests
{
    [Fact]
    public async Task Hotline_fifty_callers_ten_agents_never_double_book_an_agent_and_every_call_ends_counted()
    {
        var demo = TestAcd.Demo();
        var agents = Enumerable.Range(2001, 10).Select(number => new Agent(
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Agent " + number,
            [new AgentSkill("lang:ru", 5), new AgentSkill("topic:transfers", 5)])).ToArray();
        var configuration = demo with
        {
            Queues = [.. demo.Queues.Select(queue => queue with { MaxWait = TimeSpan.FromMinutes(4), WrapUp = TimeSpan.FromSeconds(5) })],
            Agents = agents,
            InitiallyAvailable = [.. agents.Select(agent => agent.Extension)],
        };
        await using var bed = new HotlineTestBed(configuration);
        await bed.StartAsync();
        var callers = Enumerable.Range(0, 50).Select(i => bed.Caller("05000000" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Press("2", "3", "9")).ToArray();
        var bridgedAt = new DateTimeOffset?[callers.Length];
        var flows = callers.Select(bed.Backend.DialInAsync).ToArray();

        for (var second = 0; second < 900 && !flows.All(flow => flow.IsCompleted); second++)
        {
            await Task.Delay(3);
            var now = bed.Time.GetUtcNow();
            for (var i = 0; i < callers.Length; i++)
            {
                var caller = callers[i];
                if (caller.State == CallState.Ended)
                {
                    continue;
                }

                if (caller.Bridges > 0)
                {
                    bridgedAt[i] ??= now;
                    if (now - bridgedAt[i] >= TimeSpan.FromSeconds(40))
                    {
                        caller.HangUpRemotely();
                    }
                }
                else if (i % 7 == 0 && caller.OnHold && now - caller.StartedAt >= TimeSpan.FromSeconds(30))
                {
                    caller.HangUpRemotely();
                }
            }

            bed.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.WhenAll(flows).WaitAsync(TimeSpan.FromSeconds(30));
        var records = bed.Records.Records;
        Assert.Equal(50, records.Count);
        var answered = records.Count(r => r.Outcome == CallOutcomes.Answered);
        var abandoned = records.Count(r => r.Outcome == CallOutcomes.Abandoned);
        var overflowed = records.Count(r => r.Outcome is CallOutcomes.Overflowed or CallOutcomes.CallbackRequested or CallOutcomes.Voicemail);
        Assert.Equal(50, answered + abandoned + overflowed);
        Assert.True(answered > 0 && abandoned > 0, $"answered {answered}, abandoned {abandoned}, overflowed {overflowed}");
        Assert.All(bed.Backend.Phones.Values, phone => Assert.True(phone.MostBusyAtOnce <= 1, $"agent {phone.Extension} had {phone.MostBusyAtOnce} calls at once"));
        Assert.Equal(answered, bed.Taps.Created.Count);
        Assert.Equal(answered, bed.Backend.Phones.Values.Sum(phone => phone.Legs.Count));
        Assert.Empty(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        Assert.All(records.Where(r => r.Outcome == CallOutcomes.Answered), r => Assert.NotNull(r.AgentId));
    }
}
