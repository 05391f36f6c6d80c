using Telephony.Media.Audio;
using Telephony.Media.Codecs;
using Telephony.Media.Dtmf;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Streams;

/// <summary>
/// The sending half of a call leg: on every tick it takes a frame from the current
/// <see cref="Source"/> (a prompt, a tone, silence), encodes it with G.711 and hands one RTP packet
/// to the sink — or, while digits are queued, a telephone-event packet instead. The RTP timestamp
/// comes from the tick's deadline, so missed ticks become a timestamp jump with the marker set.
/// Buffers are allocated once; a tick allocates nothing.
/// </summary>
public sealed class RtpOutboundStream : IMediaTickStream
{
    private const int MaxPacketSize = RtpHeader.FixedSize + 480;

    private readonly RtpSender _sender;
    private readonly G711Law _law;
    private readonly IRtpPacketSink _sink;
    private readonly uint _initialTimestamp;
    private readonly byte[] _packet = new byte[MaxPacketSize];
    private readonly byte[] _payload = new byte[480];
    private readonly short[] _frame = new short[480];
    private IPcmSource? _source;
    private IPcmSource? _endedSource;
    private TimeSpan _endedAt;
    private volatile bool _isSending = true;

    /// <summary>Creates the stream; its timestamps start at the sender's next timestamp.</summary>
    public RtpOutboundStream(RtpSender sender, G711Law law, IRtpPacketSink sink, DtmfEventSender? dtmf = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(sink);
        _sender = sender;
        _law = law;
        _sink = sink;
        Dtmf = dtmf;
        _initialTimestamp = sender.NextTimestamp;
        sender.PayloadType = (byte)law;
    }

    /// <summary>The RTP state (SSRC, counters for RTCP SR).</summary>
    public RtpSender Sender => _sender;

    /// <summary>The telephone-event sender, when events were negotiated; enqueue digits on it.</summary>
    public DtmfEventSender? Dtmf { get; }

    /// <summary>
    /// The audio to send from the next tick on; null sends silence. Set from any thread; a source
    /// that ends is replaced by silence and reported through <see cref="SourceCompleted"/>.
    /// </summary>
    public IPcmSource? Source
    {
        get => Volatile.Read(ref _source);
        set => Volatile.Write(ref _source, value);
    }

    /// <summary>
    /// Called on the media thread when a source ends: when its last packet is due, also when the tick runs ahead and
    /// read it earlier, so what follows the prompt (a hang-up, the next prompt's timer) starts as the caller hears its
    /// end. Keep it short (complete a
    /// TaskCompletionSource created with RunContinuationsAsynchronously, post to a channel).
    /// </summary>
    public Action<IPcmSource>? SourceCompleted { get; set; }

    /// <summary>False for recvonly/inactive: ticks keep the clock running but send nothing.</summary>
    public bool IsSending
    {
        get => _isSending;
        set => _isSending = value;
    }

    /// <inheritdoc />
    public void OnTick(in MediaTick tick)
    {
        if (_endedSource is { } ended && tick.Deadline - tick.Lead >= _endedAt)
        {
            _endedSource = null;
            SourceCompleted?.Invoke(ended);
        }

        var samples = Math.Min(tick.SamplesPerTick, _frame.Length);
        var frame = _frame.AsSpan(0, samples);
        var audioIsDue = ReadSource(frame, tick);
        _sender.AlignTimestamp(unchecked(_initialTimestamp + (uint)tick.ElapsedSamples));
        if (!_isSending)
        {
            _sender.SkipSamples(samples);
            return;
        }

        if (Dtmf is { IsSending: true } dtmf)
        {
            var eventLength = dtmf.WriteNext(_packet, _sender);
            if (eventLength > 0)
            {
                _sink.Send(_packet.AsSpan(0, eventLength), tick);
                _sender.SkipSamples(samples);
                return;
            }
        }

        if (!audioIsDue)
        {
            frame.Clear();
        }

        var payload = _payload.AsSpan(0, samples);
        G711.Encode(_law, frame, payload);
        var length = _sender.WriteAudioPacket(_packet, payload, samples);
        _sink.Send(_packet.AsSpan(0, length), tick);
    }

    private bool ReadSource(Span<short> frame, in MediaTick tick)
    {
        var source = Volatile.Read(ref _source);
        if (source is null)
        {
            return false;
        }

        var read = source.Read(frame);
        if (read < frame.Length)
        {
            frame[read..].Clear();

            // Only clear the slot if nobody swapped in a new source meanwhile.
            if (Interlocked.CompareExchange(ref _source, null, source) == source)
            {
                if (tick.Lead > TimeSpan.Zero)
                {
                    if (_endedSource is { } earlier)
                    {
                        // A source shorter than the lead: report it early rather than not at all.
                        SourceCompleted?.Invoke(earlier);
                    }

                    (_endedSource, _endedAt) = (source, tick.Deadline);
                }
                else
                {
                    SourceCompleted?.Invoke(source);
                }
            }
        }

        return true;
    }
}
