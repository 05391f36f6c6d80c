using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Telephony.Calls.MediaPlane.Paced;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// The media plane of the server: allocates RTP ports, opens each leg's endpoint on the shared receive
/// threads, starts its media session on the shared media tick, and runs one housekeeping timer for
/// every leg (dead-leg detection, RTCP reports). One per process; the host creates it at start.
/// </summary>
public sealed class CallMediaEngine : IDisposable
{
    private readonly ConcurrentDictionary<CallMedia, byte> _legs = new();
    private readonly RtpReceiveLoop[] _loops;
    private readonly MediaTickScheduler _scheduler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IPAddress _mediaAddress;
    private readonly ITimer _housekeeping;
    private readonly PacedDatagramSender? _paced;
    private int _nextLoop;
    private int _disposed;

    /// <summary>Creates the engine; <paramref name="scheduler"/> must be started by the host (or driven by tests).</summary>
    public CallMediaEngine(CallMediaOptions options, MediaTickScheduler scheduler, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        Options = options;
        _scheduler = scheduler;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<CallMediaEngine>();
        _mediaAddress = IPAddress.Parse(options.MediaAddress);
        Ports = new RtpPortAllocator(options.PortMin, options.PortMax, options.PortCoolDown, timeProvider);
        _loops = new RtpReceiveLoop[options.ReceiveThreads];
        for (var i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new RtpReceiveLoop(i, _logger);
        }

        _paced = StartSendingAhead(options, scheduler, timeProvider);
        _housekeeping = timeProvider.CreateTimer(_ => Housekeep(), null, options.HousekeepingPeriod, options.HousekeepingPeriod);
    }

    /// <summary>The validated settings.</summary>
    public CallMediaOptions Options { get; }

    /// <summary>The port allocator (its counts feed health and metrics).</summary>
    public RtpPortAllocator Ports { get; }

    /// <summary>Legs with a running media session.</summary>
    public int ActiveLegs => _legs.Count;

    /// <summary>
    /// Opens a leg's RTP/RTCP sockets on a free port pair, before the SDP is written: put
    /// <see cref="RtpEndpoint.SdpAddress"/> and <see cref="RtpEndpoint.LocalPort"/> in our offer or answer.
    /// Throws <see cref="InvalidOperationException"/> when no port pair can be had (answer 503).
    /// </summary>
    public RtpEndpoint OpenEndpoint()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var attempt = 0; attempt < Ports.Capacity; attempt++)
        {
            if (!Ports.TryAllocate(out var port))
            {
                break;
            }

            try
            {
                var loop = _loops[(int)((uint)Interlocked.Increment(ref _nextLoop) % (uint)_loops.Length)];
                return new RtpEndpoint(_mediaAddress, port, Options.SdpAddress, Ports, loop, _timeProvider, _paced);
            }
            catch (SocketException exception)
            {
                // Another process holds the port: let it cool down and try the next pair.
                CallMediaLog.PortBindFailed(_logger, port, exception.SocketErrorCode.ToString());
                Ports.Release(port);
            }
        }

        throw new InvalidOperationException($"No free RTP port pair in {Options.PortMin}–{Options.PortMax}.");
    }

    /// <summary>
    /// Starts the media session of a leg once offer/answer is done: sends to the negotiated address (until the
    /// peer's packets show where it really is), with the agreed codec, events, ptime and direction. The session
    /// owns the endpoint from now on; dispose the session to end the leg's media.
    /// </summary>
    public CallMedia Start(RtpEndpoint endpoint, NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(audio);
        endpoint.SetRemote(audio.RemoteAddress, audio.RemotePort);
        var media = new CallMedia(audio, endpoint, _scheduler, _timeProvider, Options, _logger, endpoint);
        media.Disposed += leg => _legs.TryRemove(leg, out _);
        _legs[media] = 0;
        endpoint.Handler = media;
        return media;
    }

    /// <summary>Ends every leg's media, the housekeeping timer and the receive threads.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _housekeeping.Dispose();
        foreach (var leg in _legs.Keys)
        {
            leg.Dispose();
        }

        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    /// <summary>
    /// Runs the tick ahead with a kernel-timed sender when configured and this system can (real time only: a test's
    /// fake clock is not the kernel's). The scheduler flushes the sender after each pass and disposes it after its thread.
    /// </summary>
    private PacedDatagramSender? StartSendingAhead(CallMediaOptions options, MediaTickScheduler scheduler, TimeProvider timeProvider)
    {
        if (options.SendAhead <= TimeSpan.Zero || timeProvider != TimeProvider.System)
        {
            return null;
        }

        var paced = PacedDatagramSender.TryCreate(options.SendAheadSlots, out var failure);
        if (paced is null)
        {
            CallMediaLog.SendAheadUnavailable(_logger, failure ?? "unknown");
            return null;
        }

        if (!scheduler.TryRunAhead(options.SendAhead, paced))
        {
            paced.Dispose();
            CallMediaLog.SendAheadUnavailable(_logger, "the media tick was started before this engine");
            return null;
        }

        CallMediaLog.SendingAhead(_logger, options.SendAhead.TotalMilliseconds, options.SendAheadSlots);
        return paced;
    }

    private void Housekeep()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var leg in _legs.Keys)
        {
            leg.OnHousekeeping(now);
        }
    }
}
