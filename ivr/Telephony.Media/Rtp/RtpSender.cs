using System.Security.Cryptography;
using Telephony.Media.Rtcp;

namespace Telephony.Media.Rtp;

/// <summary>
/// The sending state of one RTP stream: SSRC, sequence number, timestamp clock and the counters an
/// SR reports. Audio packets advance the timestamp by their sample count; the marker is set on the
/// first packet of a talkspurt (after <see cref="StartTalkspurt"/> or a timestamp jump). Other
/// payloads on the same stream (RFC 4733 events) share the sequence space through
/// <see cref="WritePacket(Span{byte}, byte, bool, uint, ReadOnlySpan{byte})"/>. Not thread-safe:
/// one stream is driven from the media tick only.
/// </summary>
public sealed class RtpSender
{
    private bool _markNext = true;

    /// <summary>Creates a stream with given initial values (tests, or continuing a stream).</summary>
    public RtpSender(uint ssrc, byte payloadType, ushort initialSequence, uint initialTimestamp, int clockRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        PayloadType = payloadType;
        NextSequence = initialSequence;
        NextTimestamp = initialTimestamp;
        ClockRate = clockRate;
    }

    /// <summary>The stream's synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>The audio payload type (changes on re-INVITE via <see cref="PayloadType"/> set).</summary>
    public byte PayloadType { get; set; }

    /// <summary>Timestamp units per second.</summary>
    public int ClockRate { get; }

    /// <summary>The sequence number the next packet will carry.</summary>
    public ushort NextSequence { get; private set; }

    /// <summary>The timestamp the next audio packet will carry.</summary>
    public uint NextTimestamp { get; private set; }

    /// <summary>Packets sent, for the SR sender info.</summary>
    public uint PacketCount { get; private set; }

    /// <summary>Payload octets sent, for the SR sender info.</summary>
    public uint OctetCount { get; private set; }

    /// <summary>
    /// Creates a stream with random SSRC, initial sequence and timestamp, as RFC 3550 §5.1
    /// recommends so that streams cannot be predicted or confused after a restart.
    /// </summary>
    public static RtpSender CreateRandom(byte payloadType, int clockRate = 8000)
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return new RtpSender(
            BitConverter.ToUInt32(random),
            payloadType,
            BitConverter.ToUInt16(random[4..]),
            BitConverter.ToUInt32(random[6..]),
            clockRate);
    }

    /// <summary>Marks the next audio packet as the start of a talkspurt.</summary>
    public void StartTalkspurt() => _markNext = true;

    /// <summary>
    /// Advances the timestamp without sending (silence suppression, hold, a missed tick); the next
    /// audio packet starts a new talkspurt so the receiver resynchronises its playout.
    /// </summary>
    public void SkipSamples(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        if (samples == 0)
        {
            return;
        }

        NextTimestamp = unchecked(NextTimestamp + (uint)samples);
        _markNext = true;
    }

    /// <summary>
    /// Sets the next timestamp from an external clock (the tick deadline). A value other than the
    /// expected one is a jump, and the next packet carries the marker.
    /// </summary>
    public void AlignTimestamp(uint timestamp)
    {
        if (timestamp != NextTimestamp)
        {
            NextTimestamp = timestamp;
            _markNext = true;
        }
    }

    /// <summary>
    /// Writes an audio packet (header then payload) covering <paramref name="samples"/> samples and
    /// advances the sequence and timestamp. Returns the packet length.
    /// </summary>
    public int WriteAudioPacket(Span<byte> destination, ReadOnlySpan<byte> payload, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var length = WritePacket(destination, PayloadType, _markNext, NextTimestamp, payload);
        _markNext = false;
        NextTimestamp = unchecked(NextTimestamp + (uint)samples);
        return length;
    }

    /// <summary>
    /// Writes a packet of any payload type with an explicit marker and timestamp, taking the next
    /// sequence number and counting it for SR. Used for RFC 4733 events, whose timestamp is the
    /// event's start rather than the audio clock. Returns the packet length.
    /// </summary>
    public int WritePacket(Span<byte> destination, byte payloadType, bool marker, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var header = new RtpHeader(payloadType, NextSequence, timestamp, Ssrc, marker);
        var headerLength = header.Write(destination);
        payload.CopyTo(destination[headerLength..]);
        NextSequence = unchecked((ushort)(NextSequence + 1));
        PacketCount = unchecked(PacketCount + 1);
        OctetCount = unchecked(OctetCount + (uint)payload.Length);
        return headerLength + payload.Length;
    }

    /// <summary>
    /// The sender information for an SR sent at <paramref name="wallClock"/>, when the stream's clock
    /// reads <paramref name="rtpTimestamp"/> (the timestamp a packet sampled at that instant would carry).
    /// </summary>
    public RtcpSenderInfo CreateSenderInfo(DateTimeOffset wallClock, uint rtpTimestamp) =>
        new(NtpTimestamp.FromDateTimeOffset(wallClock), rtpTimestamp, PacketCount, OctetCount);
}
