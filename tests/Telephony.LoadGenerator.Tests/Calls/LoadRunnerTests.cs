using Telephony.LoadGenerator.Calls;
using Telephony.TestKit.Host;

namespace Telephony.LoadGenerator.Tests.Calls;

/// <summary>
/// The generator against the real host with the demo hotline: a few calls to 100 are answered, the menu's audio
/// arrives on every call without loss, and every call is hung up cleanly — so the tool cannot rot unnoticed.
/// Gaps are not asserted: on a shared machine they measure the neighbours as much as the server.
/// </summary>
public sealed class LoadRunnerTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    [Fact]
    public void Concurrent_calls_to_the_demo_menu_are_answered_and_receive_its_audio_without_loss()
    {
        var options = new LoadOptions
        {
            Target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, demo.Host.SipPort),
            Mode = LoadMode.Concurrent,
            Calls = 4,
            CallsPerSecond = 20,
            Hold = TimeSpan.FromSeconds(2),
            RtpPortMin = 31200,
            RtpPortMax = 31299,
            SipSockets = 2,
        };
        using var runner = new LoadRunner(options, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var report = runner.Run(timeout.Token);

        var summary = report.Format();
        Assert.True(report.Failed == 0, summary + demo.Host.Output);
        Assert.Equal(4, report.Answered);
        Assert.Equal(4, report.Streams.Count);
        Assert.All(report.Streams, s => Assert.True(s.Media.Packets >= 60, $"call {s.Index}: {s.Media.Packets} packets in 2 s\n{summary}"));
        Assert.Equal(0, report.PacketsLost);
        Assert.True(report.RtpSent >= 4 * 60, summary);
        Assert.Contains("calls:  offered 4, answered 4, failed 0", summary, StringComparison.Ordinal);
    }
}
