using System.Globalization;
using Telephony.Acd.Agents;
using Telephony.Acd.Skills;
using Telephony.TestKit.Sip;
using Xunit.Abstractions;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// Issue #6's load case with real phones: fifty callers (half Azerbaijani, half Russian, all for the operator queue)
/// dial through the menu within ten seconds while ten agents — the demo's four and six more added as an operator
/// would (account, hashed SIP password, skills) — take calls, talk 2 s, hang up and wrap up. No agent's phone ever
/// has two calls offered at once, every call ends answered, abandoned or overflowed (callers still waiting at the
/// deadline hang up), and the records add up with what the phones saw.
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class ConcurrentCallersTests(AcdHostFixture host, ITestOutputHelper output)
{
    private const int Callers = 50;
    private static readonly string[] DemoAgents = ["1001", "1002", "1003", "1004"];
    private static readonly string[] AddedAgents = ["1005", "1006", "1007", "1008", "1009", "1010"];
    private static readonly string[] Agents = [.. DemoAgents, .. AddedAgents];
    private static readonly TimeSpan DialSpacing = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(2);

    // Ten agents clear fifty calls in five rounds of talk + 10 s wrap-up (about 65 s after the first caller queues);
    // the rest is headroom for a loaded machine. Whoever is still waiting then abandons.
    private static readonly TimeSpan CallersHangUpAfter = TimeSpan.FromSeconds(100);

    /// <summary>What the added agents can take: both callers' languages and the operator topic.</summary>
    private static readonly AgentSkill[] AddedSkills =
    [
        new(SkillNames.Language("az"), 8), new(SkillNames.Language("ru"), 8), new(SkillNames.Topic("general"), 6),
    ];

    [Fact]
    public async Task Fifty_callers_on_ten_agents_no_agent_offered_two_calls_and_every_call_answered_abandoned_or_overflowed()
    {
        await host.AddAgentsAsync(AddedAgents, AddedSkills);
        using var supervisor = host.ClientFor("supervisor");
        var tone = Path.Combine(Directory.CreateTempSubdirectory("callers-tone-").FullName, "tone.wav");
        await AudioAnalysis.CreateToneAsync(tone, 440, TimeSpan.FromMinutes(3));
        var phones = new List<BaresipPhone>();
        Task<BaresipPhone>[] dialling = [];
        using var stop = new CancellationTokenSource();
        try
        {
            foreach (var extension in Agents)
            {
                phones.Add(await HotlineDriver.StartAgentPhoneAsync(host, extension, toneHz: 1000));
            }

            await HotlineDriver.ArrangeAgentsAsync(supervisor, Agents);
            var agentsTalking = phones.Select(phone => TalkAndHangUpAsync(phone, stop.Token)).ToArray();
            var started = DateTime.UtcNow;
            dialling = [.. Enumerable.Range(0, Callers).Select(async i =>
            {
                await Task.Delay(DialSpacing * i);
                return await HotlineDriver.CallThroughMenuAsync(host, Number(i), languageKey: i % 2 == 0 ? '1' : '2', topicKey: '0', audioSource: tone);
            })];
            var callers = await Task.WhenAll(dialling);

            await Task.WhenAll(callers.Select(caller => HangUpAtDeadlineAsync(caller, started + CallersHangUpAfter)));
            await Task.Delay(TimeSpan.FromSeconds(1));
            await stop.CancelAsync();
            await Task.WhenAll(agentsTalking);

            foreach (var phone in phones)
            {
                // Without call ids in the events the check below would pass on anything.
                Assert.All(phone.Events.Where(e => e.Type == "CALL_ESTABLISHED"), e => Assert.NotNull(CallIdOf(e)));
                Assert.True(AtMostOneCallAtATime(phone), $"agent {Path.GetFileName(phone.Directory)} was offered two calls at once: {Describe(phone)}");
            }

            var records = await RecordsAsync(supervisor);
            var outcomes = records.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
            var summary = string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"));
            output.WriteLine($"{Callers} callers on {Agents.Length} agents: {summary}");
            Assert.True(records.Count == Callers, $"{records.Count} records for {Callers} callers: {summary}");
            Assert.All(records, r => Assert.Contains(r.Outcome, new[] { "answered", "abandoned", "overflowed" }));
            var answeredByPhones = phones.Sum(phone => phone.Events.Count(e => e.Type == "CALL_ESTABLISHED"));
            Assert.True(outcomes.GetValueOrDefault("answered") == answeredByPhones, $"records {summary}; agents' phones answered {answeredByPhones}");
            Assert.Equal(Callers, outcomes.GetValueOrDefault("answered") + outcomes.GetValueOrDefault("abandoned") + outcomes.GetValueOrDefault("overflowed"));
            Assert.True(answeredByPhones >= Agents.Length, $"only {answeredByPhones} calls reached an agent: {summary}");
            Assert.All(records.Where(r => r.Outcome == "answered"), r => Assert.Contains(r.Agent, Agents));
        }
        finally
        {
            await stop.CancelAsync();

            // A caller that failed on its way in must not leave the others' baresip processes running.
            await ((Task)Task.WhenAll(dialling)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            foreach (var phone in dialling.Where(d => d.IsCompletedSuccessfully).Select(d => d.Result).Concat(phones))
            {
                await phone.DisposeAsync();
            }
        }
    }

    private static string Number(int i) => "05560000" + i.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The agent answers (auto-answer), talks for <see cref="Talk"/> and hangs up, call after call.</summary>
    private static async Task TalkAndHangUpAsync(BaresipPhone phone, CancellationToken stop)
    {
        for (var call = 1; !stop.IsCancellationRequested; call++)
        {
            try
            {
                await phone.WaitForEventAsync("CALL_ESTABLISHED", CallersHangUpAfter + HotlineDriver.Wait, call).WaitAsync(stop);
                await Task.Delay(Talk, stop);
                await HangUpAsync(phone).WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Hangs up the phone's call and waits for it to close. The closing is counted before the hang-up, since baresip
    /// may report it before it answers the command; a hang-up lost on a loaded machine is repeated.
    /// </summary>
    private static async Task HangUpAsync(BaresipPhone phone)
    {
        var closed = phone.Events.Count(e => e.Type == "CALL_CLOSED") + 1;
        for (var attempt = 1; ; attempt++)
        {
            await phone.HangupAsync();
            try
            {
                await phone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(5), closed);
                return;
            }
            catch (TimeoutException) when (attempt < 6)
            {
                // Not closed yet: hang up again.
            }
        }
    }

    /// <summary>A caller still waiting (or answering the survey) at the deadline hangs up.</summary>
    private static async Task HangUpAtDeadlineAsync(BaresipPhone caller, DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        try
        {
            await caller.WaitForEventAsync("CALL_CLOSED", left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        catch (TimeoutException)
        {
            await caller.HangupAsync();
            await caller.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait);
        }
    }

    /// <summary>
    /// Never two calls open on the phone at once: a call opens with its first event (baresip names the call in each)
    /// and closes with its CALL_CLOSED. Auto-answer phones report no CALL_INCOMING, so the call id is what counts.
    /// </summary>
    private static bool AtMostOneCallAtATime(BaresipPhone phone)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in phone.Events)
        {
            if (CallIdOf(e) is not { } id)
            {
                continue;
            }

            if (e.Type == "CALL_CLOSED")
            {
                open.Remove(id);
            }
            else if (open.Add(id) && open.Count > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static string? CallIdOf(BaresipEvent e) =>
        e.Raw.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;

    private static string Describe(BaresipPhone phone) => string.Join("; ", phone.Events.Select(e => $"{e.Type} {CallIdOf(e)} {e.PeerUri}"));

    private static async Task<IReadOnlyList<(string Outcome, string? Agent)>> RecordsAsync(HttpClient supervisor)
    {
        var numbers = Enumerable.Range(0, Callers).Select(Number).ToHashSet();
        IReadOnlyList<(string, string?)> found = [];
        for (var attempt = 0; attempt < 100 && found.Count < Callers; attempt++)
        {
            await Task.Delay(200);
            using var calls = System.Text.Json.JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/calls?limit=10000", UriKind.Relative)));
            found = [.. calls.RootElement.EnumerateArray()
                .Where(c => numbers.Contains(c.GetProperty("caller").GetString()!))
                .Select(c => (c.GetProperty("outcome").GetString()!, c.GetProperty("agent").GetString()))];
        }

        return found;
    }
}
