using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.MediaPlane;
using Telephony.Media.Codecs;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;
using Telephony.Media;

namespace Telephony.Calls.Tests.Support;

/// <summary>Legs on a fake clock and fake transports: the media tick is stepped, nothing opens a socket.</summary>
internal sealed class MediaHarness : IDisposable
{
    private readonly MediaMetrics _metrics = new();
    private readonly List<CallMedia> _legs = [];

    public MediaHarness()
    {
        Scheduler = new MediaTickScheduler(new MediaTickOptions(), Time, _metrics, NullLogger<MediaTickScheduler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public MediaTickScheduler Scheduler { get; }

    public CallMediaOptions Options { get; } = new();

    public static NegotiatedAudio Audio(G711Law law = G711Law.MuLaw, byte? events = 101) =>
        new(0, "127.0.0.1", 40000, law, (byte)law, events, 20, SdpDirection.SendRecv);

    public (CallMedia Media, FakeTransport Transport) CreateLeg(NegotiatedAudio? audio = null)
    {
        var transport = new FakeTransport();
        var media = new CallMedia(audio ?? Audio(), transport, Scheduler, Time, Options, NullLogger.Instance);
        _legs.Add(media);
        return (media, transport);
    }

    /// <summary>Advances the clock tick by tick, running the media tick each time.</summary>
    public void Run(TimeSpan duration)
    {
        Scheduler.RunDueTicks();
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(20))
        {
            Time.Advance(TimeSpan.FromMilliseconds(20));
            Scheduler.RunDueTicks();
        }
    }

    public void Dispose()
    {
        foreach (var leg in _legs)
        {
            leg.Dispose();
        }

        Scheduler.Dispose();
        _metrics.Dispose();
    }
}
