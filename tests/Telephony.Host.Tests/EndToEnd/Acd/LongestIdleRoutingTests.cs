using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// Routing with real phones: an English-speaking caller for teacher employment. Agents 1001 and 1003 both speak English
/// and know employment equally well (the demo gives them the same score for it), 1004 knows employment but speaks
/// only Azerbaijani. 1004 has been idle longest, then 1003, then 1001: the call must ring 1003 alone.
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class LongestIdleRoutingTests(AcdHostFixture host)
{
    [Fact]
    public async Task English_employment_caller_reaches_the_longest_idle_qualified_agent_not_the_longer_idle_azerbaijani_one()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var unqualified = await HotlineDriver.StartAgentPhoneAsync(host, "1004", toneHz: 700);
        await using var longestIdle = await HotlineDriver.StartAgentPhoneAsync(host, "1003", toneHz: 1000);
        await using var recentlyIdle = await HotlineDriver.StartAgentPhoneAsync(host, "1001", toneHz: 1300);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1004", "1003", "1001");

        await using var caller = await HotlineDriver.CallThroughMenuAsync(host, "0551000001", languageKey: '3', topicKey: '2', toneHz: 440);
        await HotlineDriver.DiagnosedAsync(host, longestIdle.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, unqualified, recentlyIdle);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await caller.HangupAsync();
        await HotlineDriver.DiagnosedAsync(host, longestIdle.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait), caller, longestIdle);
        await caller.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait);

        Assert.False(HotlineDriver.WasRung(unqualified), "1004 speaks no English but was rung");
        Assert.False(HotlineDriver.WasRung(recentlyIdle), "1001 was idle for less time than 1003 but was rung");
        var record = await HotlineDriver.CallRecordOfAsync(supervisor, "0551000001");
        Assert.True(record.GetProperty("agent").GetString() == "1003", "record: " + record.GetRawText());
        Assert.Equal("employment", record.GetProperty("queue").GetString());
        Assert.Equal("en", record.GetProperty("language").GetString());
        Assert.Equal("answered", record.GetProperty("outcome").GetString());

        // Each heard the other through the relay: the agent the caller's 440 Hz, the caller the agent's 1000 Hz at the end.
        var agentHeard = await AudioAnalysis.MeasureAsync(longestIdle.ReceivedAudio().Single(), TimeSpan.FromSeconds(1));
        Assert.True(agentHeard.Rms > 0.05, $"the agent heard near silence (RMS {agentHeard.Rms})");
        Assert.InRange(agentHeard.RoughHz, 400, 480);
        var callerDump = caller.ReceivedAudio().Single();
        var length = (await AudioAnalysis.MeasureAsync(callerDump)).Seconds;
        var callerHeard = await AudioAnalysis.MeasureAsync(callerDump, TimeSpan.FromSeconds(length - 2.5));
        Assert.True(callerHeard.Rms > 0.05, $"the caller heard near silence from the agent (RMS {callerHeard.Rms})");
        Assert.InRange(callerHeard.RoughHz, 950, 1050);
    }
}
