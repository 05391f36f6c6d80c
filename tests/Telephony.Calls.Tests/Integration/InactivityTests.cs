using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;

namespace Telephony.Calls.Tests.Integration;

/// <summary>The dead-leg timeout on real sockets, with the engine's housekeeping timer on a fake clock.</summary>
public sealed class InactivityTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoopbackMediaPlane _plane;

    public InactivityTests()
    {
        _plane = new LoopbackMediaPlane(_time, options => options.InactivityTimeout = TimeSpan.FromSeconds(30), startTick: false);
    }

    public void Dispose() => _plane.Dispose();

    [Fact]
    public void Inactive_silent_peer_fires_after_timeout()
    {
        using var peer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(peer);
        var raised = 0;
        leg.Inactive += _ => Interlocked.Increment(ref raised);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, raised);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, raised);
    }

    [Fact]
    public async Task Inactive_peer_sending_rtp_keeps_the_leg_alive()
    {
        using var peer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(peer);
        var raised = 0;
        leg.Inactive += _ => Interlocked.Increment(ref raised);

        for (var round = 0; round < 3; round++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            var before = leg.Endpoint!.RtpPacketsReceived;
            await peer.SendToneAsync(LoopbackMediaPlane.EndPointOf(leg), 440, G711Law.MuLaw, TimeSpan.FromMilliseconds(40));
            for (var wait = 0; wait < 200 && leg.Endpoint.RtpPacketsReceived == before; wait++)
            {
                await Task.Delay(10);
            }
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, raised);
    }
}
