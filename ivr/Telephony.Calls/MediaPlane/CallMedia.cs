using Microsoft.Extensions.Logging;
using Telephony.Calls.Events;
using Telephony.Calls.Media;
using Telephony.Media.Dtmf;
using Telephony.Media.Quality;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;
using Telephony.Media.Streams;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// The media session of one call leg, from negotiated SDP to teardown: an outbound stream on the media
/// tick playing prompts, tones, silence or music on hold; the inbound stream with RFC 4733 (and
/// optionally in-band) digits; digit collection with barge-in; recording the caller; bridging to
/// another leg through the relay; RTCP reports and media statistics; and a dead-leg timeout.
/// Created by <see cref="CallMediaEngine.Start"/>. Operations may be called from any thread.
/// </summary>
public sealed partial class CallMedia : IRtpDatagramHandler, IDisposable
{
    [ThreadStatic]
    private static bool t_receivingRtp;

    private readonly IRtpTransport _transport;
    private readonly MediaTickScheduler _scheduler;
    private readonly TimeProvider _timeProvider;
    private readonly CallMediaOptions _options;
    private readonly ILogger _logger;
    private readonly RtpEndpoint? _endpoint;
    private readonly RtpSender _sender;
    private readonly RtpOutboundStream _outbound;
    private readonly RtpInboundStream _inbound;
    private readonly OutboundTick _outboundTick;
    private readonly MediaTickRegistration _outboundRegistration;
    private readonly MediaTickRegistration _inboundRegistration;
    private readonly Lock _stateLock = new();
    private readonly long _origin;
    private long _lastReceived;
    private int _disposed;
    private RelayDirection? _relayOut;
    private NegotiatedAudio _audio;

    internal CallMedia(NegotiatedAudio audio, IRtpTransport transport, MediaTickScheduler scheduler, TimeProvider timeProvider, CallMediaOptions options, ILogger logger, RtpEndpoint? endpoint = null)
    {
        _audio = audio;
        _transport = transport;
        _scheduler = scheduler;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _endpoint = endpoint;
        _origin = timeProvider.GetTimestamp();
        _lastReceived = _origin;
        _nextRtcp = _origin;
        var ptimeSamples = audio.Ptime * 8;
        _sender = RtpSender.CreateRandom(audio.PayloadType);
        var dtmf = audio.TelephoneEventPayloadType is { } eventType ? new DtmfEventSender(eventType, ptimeSamples) : null;
        _outbound = new RtpOutboundStream(_sender, audio.Codec, transport, dtmf)
        {
            IsSending = audio.Direction.Sends(),
            SourceCompleted = OnSourceCompleted,
        };
        _inbound = new RtpInboundStream(audio.Codec, audio.PayloadType, audio.TelephoneEventPayloadType, detectInBandDtmf: options.DetectInBandDtmf)
        {
            DigitReceived = OnStreamDigit,
        };
        _outboundTick = new OutboundTick(_outbound, SendGate);
        var ptime = TimeSpan.FromMilliseconds(audio.Ptime);
        _outboundRegistration = scheduler.Add(_outboundTick, ptime);
        _inboundRegistration = scheduler.Add(_inbound, ptime);
    }

    /// <summary>A key was pressed (RFC 4733, SIP INFO through <see cref="InjectDigit"/>, or in-band). Raised on a media or receive thread: keep it short.</summary>
    public event Action<char, DtmfSource>? DigitReceived;

    /// <summary>Nothing arrived from the peer for <see cref="CallMediaOptions.InactivityTimeout"/>: the leg is dead (raised once, on a timer thread).</summary>
    public event Action<CallMedia>? Inactive;

    /// <summary>What was negotiated for this leg (the latest offer/answer).</summary>
    public NegotiatedAudio Audio
    {
        get => Volatile.Read(ref _audio);
        private set => Volatile.Write(ref _audio, value);
    }

    /// <summary>The leg's UDP endpoint (null only in unit tests).</summary>
    public RtpEndpoint? Endpoint => _endpoint;

    /// <summary>Our SSRC on this leg.</summary>
    public uint Ssrc => _sender.Ssrc;

    /// <summary>True while bridged to another leg.</summary>
    public bool IsBridged => Volatile.Read(ref _relayOut) is not null;

    /// <summary>True once torn down.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The leg's quality so far: received, sent, lost, jitter, and a MOS estimate.</summary>
    public CallMediaStatistics Statistics
    {
        get
        {
            var statistics = _inbound.Statistics;
            long sent;
            lock (SendGate)
            {
                sent = _sender.PacketCount;
            }

            if (statistics is null)
            {
                return CallMediaStatistics.Empty with { PacketsSent = sent };
            }

            var mos = MosEstimator.FromStatistics(statistics, RoundTripTime, Audio.Ptime).Mos;
            return new CallMediaStatistics(statistics.Received, sent, Math.Max(0, statistics.CumulativeLost), statistics.JitterMilliseconds, mos);
        }
    }

    internal Lock SendGate { get; } = new();

    internal RtpSender Sender => _sender;

    internal IRtpTransport Transport => _transport;

    internal TimeProvider TimeProvider => _timeProvider;

    internal OutboundTick OutboundTick => _outboundTick;

    internal RtpInboundStream Inbound => _inbound;

    /// <summary>Handles an RTP datagram from the endpoint's receive thread.</summary>
    public void OnRtp(ReadOnlySpan<byte> datagram, long timestamp)
    {
        Interlocked.Exchange(ref _lastReceived, timestamp);
        t_receivingRtp = true;
        try
        {
            _inbound.Receive(datagram, ArrivalOf(timestamp));
        }
        finally
        {
            t_receivingRtp = false;
        }

        Volatile.Read(ref _relayOut)?.Forward(datagram, timestamp);
    }

    /// <summary>
    /// Applies a new offer/answer of the same stream (a re-INVITE): a moved remote address or port (the latch is
    /// forgotten), and the direction (hold: we stop sending when our direction no longer sends). Returns false,
    /// changing nothing, when the codec, payload types or ptime changed: then dispose this media and start a new
    /// leg media on a new endpoint (its port goes into our answer).
    /// </summary>
    public bool TryUpdate(NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var current = Audio;
        if (audio.Codec != current.Codec || audio.PayloadType != current.PayloadType || audio.TelephoneEventPayloadType != current.TelephoneEventPayloadType || audio.Ptime != current.Ptime)
        {
            return false;
        }

        if (audio.RemoteAddress != current.RemoteAddress || audio.RemotePort != current.RemotePort)
        {
            _endpoint?.SetRemote(audio.RemoteAddress, audio.RemotePort);
        }

        _outbound.IsSending = audio.Direction.Sends();
        Audio = audio;
        return true;
    }

    /// <summary>Tears the leg down: pending operations end with CallEnded, a bridge is separated, an RTCP BYE goes out, the sockets close.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Volatile.Read(ref _relayOut)?.Relay.Dispose();
        EndOperations();
        _outboundRegistration.Dispose();
        _inboundRegistration.Dispose();
        SendBye();
        _endpoint?.Dispose();
        Disposed?.Invoke(this);
    }

    internal event Action<CallMedia>? Disposed;

    internal void AttachRelay(RelayDirection? direction) => Volatile.Write(ref _relayOut, direction);

    private TimeSpan ArrivalOf(long timestamp) => _timeProvider.GetElapsedTime(_origin, timestamp);

    private void OnStreamDigit(char digit) => OnDigit(digit, t_receivingRtp ? DtmfSource.Rfc4733 : DtmfSource.InBand);
}
