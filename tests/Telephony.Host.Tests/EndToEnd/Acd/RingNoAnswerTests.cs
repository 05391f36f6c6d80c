using System.Globalization;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// An agent whose phone rings but is never picked up (baresip without auto-answer). The demo queues ring an agent for
/// 15 s and pause one after 3 unanswered offers in a row. 1001 (longest idle, never answers) and 1003 are available;
/// an English employment caller (both qualify) and, two seconds later, an Azerbaijani operator caller (only 1001 of
/// the two speaks Azerbaijani). The first caller rings 1001, is passed to 1003 after the ring timeout and answered;
/// the second then rings 1001 twice more, and after the third miss 1001 is on break with reason "no answer".
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class RingNoAnswerTests(AcdHostFixture host)
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Unanswered_agent_is_skipped_after_the_ring_timeout_and_paused_after_three_misses()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var silent = await HotlineDriver.StartAgentPhoneAsync(host, "1001", toneHz: 700, autoAnswer: false);
        await using var answering = await HotlineDriver.StartAgentPhoneAsync(host, "1003", toneHz: 1000);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1001", "1003");
        var timeoutsBefore = await MetricAsync(supervisor, "telephony_acd_offers_timed_out");
        var pausesBefore = await MetricAsync(supervisor, "telephony_acd_agents_paused");

        var english = HotlineDriver.CallThroughMenuAsync(host, "0554000001", languageKey: '3', topicKey: '2');
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var azerbaijani = await HotlineDriver.CallThroughMenuAsync(host, "0554000002", languageKey: '1', topicKey: '0');
        await using var first = await english;

        var firstRing = await HotlineDriver.DiagnosedAsync(host, silent.WaitForEventAsync("CALL_INCOMING", HotlineDriver.Wait), first, silent, answering);
        var ringedAt = DateTime.UtcNow;
        await HotlineDriver.DiagnosedAsync(host, answering.WaitForEventAsync("CALL_ESTABLISHED", RingTimeout + HotlineDriver.Wait), first, silent, answering);
        var passedOnAfter = DateTime.UtcNow - ringedAt;
        Assert.InRange(passedOnAfter, RingTimeout - TimeSpan.FromSeconds(2), RingTimeout + TimeSpan.FromSeconds(8));
        Assert.Equal("0554000001", answering.Events.First(e => e.Type == "CALL_ESTABLISHED").PeerUri?.Split('@')[0].Replace("sip:", string.Empty, StringComparison.Ordinal));

        // The Azerbaijani caller has only 1001: two more offers ring out and the third miss pauses the agent.
        var paused = await HotlineDriver.DiagnosedAsync(
            host,
            HotlineDriver.WaitForAgentAsync(supervisor, "1001", a => a.GetProperty("status").GetString() == "break", "paused", 2 * RingTimeout + HotlineDriver.Wait),
            azerbaijani, silent, answering);
        Assert.Equal("no answer", paused.GetProperty("breakReason").GetString());
        Assert.Equal(3, silent.Events.Count(e => e.Type == "CALL_INCOMING"));
        Assert.DoesNotContain(silent.Events, e => e.Type == "CALL_ESTABLISHED");
        Assert.Equal(3, await MetricAsync(supervisor, "telephony_acd_offers_timed_out") - timeoutsBefore);
        Assert.Equal(1, await MetricAsync(supervisor, "telephony_acd_agents_paused") - pausesBefore);

        await first.HangupAsync();
        await azerbaijani.HangupAsync();
        await answering.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait);

        // The queue events of the first call: offered to 1001, rang out, offered to 1003, answered by 1003.
        var record = await HotlineDriver.CallRecordOfAsync(supervisor, "0554000001");
        Assert.True(record.GetProperty("agent").GetString() == "1003", "record: " + record.GetRawText());
        Assert.Equal("answered", record.GetProperty("outcome").GetString());
        var events = await HotlineDriver.QueueEventsAsync(host, record.GetProperty("id").GetGuid());
        var trail = string.Join(", ", events.Select(e => $"{e.Event}:{e.Agent}"));
        Assert.True(events.Any(e => e.Event == "ring-no-answer" && e.Agent is "1001"), "queue events: " + trail);
        Assert.True(events.Any(e => e.Event == "answered" && e.Agent is "1003"), "queue events: " + trail);
    }

    /// <summary>The sum of a counter's samples in GET /metrics (Prometheus text), whatever its labels and suffix.</summary>
    private static async Task<double> MetricAsync(HttpClient client, string name)
    {
        var text = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();
    }
}
