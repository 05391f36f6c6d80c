using Telephony.Media.Audio;
using Telephony.Media.Codecs;
using Telephony.Media.Dtmf;
using Telephony.Media.Jitter;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Streams;

/// <summary>
/// The receiving half of a call leg. The transport's receive thread calls <see cref="Receive"/> per
/// datagram: the header is validated, receive statistics are kept for RTCP and the call record,
/// telephone-events become digits, and audio goes into the jitter buffer. On every tick the media
/// thread takes one frame out, decodes it (concealing gaps) and hands it to the <see cref="Sink"/>;
/// with <c>detectInBandDtmf</c> it also listens for DTMF tones in the audio. Audio is buffered and
/// decoded only while something listens (a sink or the tone detector): most of a call in the menu
/// or bridged as passthrough has no listener, and the buffer's slots are then never allocated. A new
/// SSRC (the peer restarted or was re-routed) resets statistics, buffer and DTMF state. Nothing
/// allocates per packet.
/// </summary>
public sealed class RtpInboundStream : IMediaTickStream
{
    private const int MaxFrameSamples = 480;

    private readonly G711Law _law;
    private readonly byte _audioPayloadType;
    private readonly int _clockRate;
    private readonly DtmfEventReceiver? _eventReceiver;
    private readonly DtmfToneDetector? _toneDetector;
    private readonly byte[] _payload;
    private readonly short[] _frame = new short[MaxFrameSamples];
    private readonly short[] _lastGoodFrame = new short[MaxFrameSamples];
    private readonly char[] _detectedDigits = new char[4];
    private RtpSourceStatistics? _statistics;
    private int _consecutiveMissing;
    private IPcmSink? _sink;

    /// <summary>Creates the receiver for the negotiated codec, payload types and jitter settings.</summary>
    public RtpInboundStream(G711Law law, byte audioPayloadType, byte? telephoneEventPayloadType, JitterBufferOptions? jitterOptions = null, bool detectInBandDtmf = false, int clockRate = 8000)
    {
        _law = law;
        _audioPayloadType = audioPayloadType;
        _clockRate = clockRate;
        jitterOptions ??= new JitterBufferOptions();
        Jitter = new JitterBuffer(jitterOptions);
        _payload = new byte[jitterOptions.MaxPayloadSize];
        if (telephoneEventPayloadType is { } eventPayloadType)
        {
            _eventReceiver = new DtmfEventReceiver(eventPayloadType);
        }

        if (detectInBandDtmf)
        {
            _toneDetector = new DtmfToneDetector();
        }
    }

    /// <summary>The jitter buffer (its counters feed the call's quality record).</summary>
    public JitterBuffer Jitter { get; }

    /// <summary>Statistics of the current source; null until the first packet. Read them on the receive thread or accept slightly stale values.</summary>
    public RtpSourceStatistics? Statistics => Volatile.Read(ref _statistics);

    /// <summary>Where decoded frames go; null discards them. Set from any thread.</summary>
    public IPcmSink? Sink
    {
        get => Volatile.Read(ref _sink);
        set
        {
            if (value is not null && Volatile.Read(ref _sink) is null && _toneDetector is null)
            {
                // Nothing was buffered while nobody listened: start from the next packet, not from a stale window.
                Jitter.Reset();
            }

            Volatile.Write(ref _sink, value);
        }
    }

    /// <summary>True while received audio is buffered and decoded: a sink is set or in-band DTMF is detected.</summary>
    private bool Decoding => _toneDetector is not null || Volatile.Read(ref _sink) is not null;

    /// <summary>
    /// Called once per digit: on the receive thread for telephone-events, on the media thread for
    /// in-band tones. Keep it short (post to a channel).
    /// </summary>
    public Action<char>? DigitReceived { get; set; }

    /// <summary>Datagrams that were not valid RTP.</summary>
    public long InvalidPackets { get; private set; }

    /// <summary>Handles one received datagram (receive thread). <paramref name="arrival"/> is a monotonic clock reading.</summary>
    public RtpReceiveOutcome Receive(ReadOnlySpan<byte> datagram, TimeSpan arrival)
    {
        if (RtpHeader.TryParse(datagram, out var header) != RtpParseError.None)
        {
            InvalidPackets++;
            return RtpReceiveOutcome.Invalid;
        }

        var isEvent = _eventReceiver is not null && header.PayloadType == _eventReceiver.PayloadType;
        if (!isEvent && header.PayloadType != _audioPayloadType)
        {
            return RtpReceiveOutcome.UnexpectedPayloadType;
        }

        var statistics = _statistics;
        if (statistics is null || statistics.Ssrc != header.Ssrc)
        {
            statistics = new RtpSourceStatistics(header.Ssrc, header.SequenceNumber, _clockRate);
            Volatile.Write(ref _statistics, statistics);
            Jitter.Reset();
            _eventReceiver?.Reset();
        }

        if (!statistics.Update(header.SequenceNumber, header.Timestamp, arrival))
        {
            return RtpReceiveOutcome.Dropped;
        }

        var payload = header.PayloadOf(datagram);
        if (isEvent)
        {
            var result = _eventReceiver!.Receive(header, payload);
            if (result.DigitStarted)
            {
                DigitReceived?.Invoke(result.Digit);
            }

            // Events take sequence numbers too; tell the jitter buffer the slot is not lost audio.
            if (Decoding)
            {
                Jitter.Put(header.SequenceNumber, []);
            }

            return RtpReceiveOutcome.TelephoneEvent;
        }

        if (!Decoding)
        {
            return RtpReceiveOutcome.Audio;
        }

        return Jitter.Put(header.SequenceNumber, payload) ? RtpReceiveOutcome.Audio : RtpReceiveOutcome.Dropped;
    }

    /// <inheritdoc />
    public void OnTick(in MediaTick tick)
    {
        if (!Decoding)
        {
            return;
        }

        var samples = Math.Min(tick.SamplesPerTick, MaxFrameSamples);
        var frame = _frame.AsSpan(0, samples);
        var kind = Jitter.Read(_payload, out var length);
        if (kind == JitterFrameKind.Frame && length > 0)
        {
            var decoded = G711.Decode(_law, _payload.AsSpan(0, Math.Min(length, samples)), frame);
            frame[decoded..].Clear();
            frame.CopyTo(_lastGoodFrame);
            _consecutiveMissing = 0;
        }
        else if (kind == JitterFrameKind.Missing)
        {
            PcmConcealment.Conceal(frame, _lastGoodFrame.AsSpan(0, samples), ++_consecutiveMissing);
        }
        else
        {
            // Buffering, or an event packet's slot: silence.
            frame.Clear();
        }

        if (_toneDetector is not null)
        {
            var found = _toneDetector.Process(frame, _detectedDigits);
            for (var i = 0; i < found; i++)
            {
                DigitReceived?.Invoke(_detectedDigits[i]);
            }
        }

        Sink?.Write(frame);
    }
}
