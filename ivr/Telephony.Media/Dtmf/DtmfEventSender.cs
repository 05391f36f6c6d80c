using Telephony.Media.Rtp;

namespace Telephony.Media.Dtmf;

/// <summary>
/// Sends digits as RFC 4733 telephone events on an RTP stream, one packet per media tick: the first
/// packet of an event carries the marker, updates follow every ptime with the growing duration, and
/// the end packet is sent three times (§2.5.1.4). All packets of an event carry its start timestamp.
/// While <see cref="IsSending"/> the caller sends no audio for that tick and advances the audio clock
/// with <see cref="RtpSender.SkipSamples"/>, so audio resumes on the right timestamp. Digits queue;
/// a gap of <see cref="GapTicks"/> ticks separates consecutive events.
/// </summary>
public sealed class DtmfEventSender
{
    /// <summary>Times the end packet is sent.</summary>
    public const int EndPacketCount = 3;

    /// <summary>Ticks of audio between two queued digits.</summary>
    public const int GapTicks = 2;

    private readonly Queue<(byte Event, int DurationSamples)> _queue = new();
    private readonly int _ptimeSamples;
    private readonly byte _volume;
    private bool _active;
    private byte _event;
    private uint _timestamp;
    private int _totalSamples;
    private int _elapsedSamples;
    private int _endPacketsSent;
    private int _gapTicksLeft;

    /// <summary>Creates a sender for the negotiated payload type, ptime (in samples) and volume (−dBm0).</summary>
    public DtmfEventSender(byte payloadType, int ptimeSamples = 160, byte volume = 10)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ptimeSamples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, (byte)63);
        PayloadType = payloadType;
        _ptimeSamples = ptimeSamples;
        _volume = volume;
    }

    /// <summary>The telephone-event payload type.</summary>
    public byte PayloadType { get; }

    /// <summary>True while an event is being sent or digits wait in the queue.</summary>
    public bool IsSending => _active || _queue.Count > 0;

    /// <summary>Queues a digit to be sent for <paramref name="duration"/> (RFC 4733 suggests 40 ms or more).</summary>
    public void Enqueue(char digit, TimeSpan duration)
    {
        if (!DtmfDigits.TryGetEvent(digit, out var eventCode))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF digit.", nameof(digit));
        }

        var samples = (int)Math.Round(duration.TotalSeconds * 8000);
        if (samples <= 0 || samples > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A digit lasts between 1 sample and 8 seconds.");
        }

        _queue.Enqueue((eventCode, samples));
    }

    /// <summary>
    /// Called once per tick. When an event packet is due, writes it through <paramref name="rtp"/>
    /// (taking the next sequence number) and returns its length; returns 0 when this tick belongs to
    /// audio. A new event takes <see cref="RtpSender.NextTimestamp"/> as its timestamp.
    /// </summary>
    public int WriteNext(Span<byte> destination, RtpSender rtp)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        if (!_active)
        {
            if (_gapTicksLeft > 0)
            {
                _gapTicksLeft--;
                return 0;
            }

            if (!_queue.TryDequeue(out var next))
            {
                return 0;
            }

            _active = true;
            _event = next.Event;
            _totalSamples = next.DurationSamples;
            _timestamp = rtp.NextTimestamp;
            _elapsedSamples = 0;
            _endPacketsSent = 0;
        }

        var isFirst = _elapsedSamples == 0;
        _elapsedSamples = Math.Min(_elapsedSamples + _ptimeSamples, _totalSamples);
        var end = _elapsedSamples == _totalSamples;
        Span<byte> payload = stackalloc byte[TelephoneEventPayload.Size];
        new TelephoneEventPayload(_event, end, _volume, (ushort)_elapsedSamples).Write(payload);
        var length = rtp.WritePacket(destination, PayloadType, isFirst, _timestamp, payload);
        if (end && ++_endPacketsSent == EndPacketCount)
        {
            _active = false;
            _gapTicksLeft = GapTicks;
        }

        return length;
    }

    /// <summary>Drops the current event and the queue (call ended or stream re-negotiated).</summary>
    public void Cancel()
    {
        _queue.Clear();
        _active = false;
        _gapTicksLeft = 0;
    }
}
