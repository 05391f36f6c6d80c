using System.Globalization;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// The media the host sends during a whole hotline call (menu prompts, music on hold, then the agent relayed to the
/// caller and the caller relayed to the agent), captured on loopback with tshark: no packet lost and no gap between
/// packets of 40 ms or more in any stream — a listener hears one lost 20 ms packet, concealment hides about 30 ms.
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class RtpQualityTests(AcdHostFixture host)
{
    [Fact]
    public async Task Streams_the_host_sends_in_a_call_through_menu_queue_and_agent_have_no_loss_and_no_gap_of_40_ms()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var agent = await HotlineDriver.StartAgentPhoneAsync(host, "1003", toneHz: 1000);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1003");

        // Only what the host sends: its RTP (and RTCP) ports are the fixture's range, above every phone's.
        await using var capture = await LoopbackCapture.StartAsync(string.Create(CultureInfo.InvariantCulture,
            $"udp and src portrange {AcdHostFixture.RtpPortMin}-{AcdHostFixture.RtpPortMax}"));
        await using (var caller = await HotlineDriver.CallThroughMenuAsync(host, "0553000001", languageKey: '3', topicKey: '2'))
        {
            await HotlineDriver.DiagnosedAsync(host, agent.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, agent);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await caller.HangupAsync();
            await HotlineDriver.DiagnosedAsync(host, agent.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10)), caller, agent);
        }

        await capture.StopAsync();
        var streams = (await capture.RtpStreamsAsync()).Where(s => s.Packets > 1).ToArray();
        var table = string.Join("\n", streams.Select(s => s.ToString()));

        // The caller's leg (menu, music, then the agent) and the agent's leg (the caller): at least two streams.
        Assert.True(streams.Length >= 2, "the host's streams were not found in the capture:\n" + table + "\n" + capture.Messages);
        Assert.True(streams.Sum(s => s.Packets) > 500, "too few packets for a call of this length:\n" + table);
        Assert.All(streams, s => Assert.True(s.Lost <= 0, "packets lost:\n" + table));
        Assert.All(streams, s => Assert.True(s.MaxDeltaMs < 40, "a gap of 40 ms or more:\n" + table));
    }
}
