using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.MediaPlane;
using Telephony.Media;
using Telephony.Media.Codecs;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;

namespace Telephony.Calls.Tests.Support;

/// <summary>A real media plane on loopback: the media tick thread, epoll receive threads, UDP sockets.</summary>
internal sealed class LoopbackMediaPlane : IDisposable
{
    private readonly MediaMetrics _metrics = new();

    public LoopbackMediaPlane(TimeProvider? timeProvider = null, Action<CallMediaOptions>? configure = null, bool startTick = true)
    {
        var time = timeProvider ?? TimeProvider.System;
        Scheduler = new MediaTickScheduler(new MediaTickOptions(), time, _metrics, NullLogger<MediaTickScheduler>.Instance);
        var options = new CallMediaOptions { MediaAddress = "127.0.0.1", PortMin = 42000, PortMax = 43999 };
        configure?.Invoke(options);
        Engine = new CallMediaEngine(options, Scheduler, time, NullLoggerFactory.Instance);
        if (startTick)
        {
            Scheduler.Start();
        }
    }

    public MediaTickScheduler Scheduler { get; }

    public CallMediaEngine Engine { get; }

    /// <summary>Opens a leg whose negotiated remote is <paramref name="peer"/>.</summary>
    public CallMedia OpenLeg(TestRtpPeer peer, G711Law law = G711Law.MuLaw, byte? events = 101)
    {
        var endpoint = Engine.OpenEndpoint();
        return Engine.Start(endpoint, new NegotiatedAudio(0, "127.0.0.1", peer.Port, law, (byte)law, events, 20, SdpDirection.SendRecv));
    }

    public static IPEndPoint EndPointOf(CallMedia leg) => new(IPAddress.Loopback, leg.Endpoint!.LocalPort);

    public void Dispose()
    {
        Engine.Dispose();
        Scheduler.Dispose();
        _metrics.Dispose();
    }
}
