using Telephony.Calls.Media;
using Telephony.Media.Codecs;
using Telephony.Media.Rtp;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// One direction of a bridge, run on the source leg's receive thread per packet: the packet is
/// re-sent on the target leg's own RTP stream (its SSRC, its next sequence number) with the timestamp
/// shifted by an offset chosen so the target hears one continuous stream — at the bridge's start the
/// offset continues the target's own clock, and when the source restarts (new SSRC, or a jump beyond
/// RFC 3550's dropout) it is re-chosen to continue from the last relayed packet plus the time since.
/// Audio is passed through when both legs use the same G.711 law and transcoded mu↔A otherwise;
/// telephone-events keep their payload under the target's event payload type. The tap gets the
/// source's decoded audio at positions taken from the relayed timestamps. Allocation-free.
/// </summary>
internal sealed class RelayDirection
{
    private const int MaxPayload = 1024;

    private readonly CallMedia _source;
    private readonly CallMedia _target;
    private readonly TapChannel _channel;
    private readonly IMediaTap? _tap;
    private readonly long _bridgedAt;
    private readonly bool _transcode;
    private readonly byte[] _packet = new byte[RtpHeader.FixedSize + MaxPayload];
    private readonly byte[] _payload = new byte[MaxPayload];
    private readonly short[] _pcm = new short[MaxPayload];
    private bool _started;
    private bool _stopped;
    private uint _sourceSsrc;
    private ushort _lastSourceSequence;
    private uint _timestampOffset;
    private uint _lastOutTimestamp;
    private int _lastPacketSamples;
    private long _lastArrival;
    private uint _tapBase;

    public RelayDirection(MediaRelay relay, CallMedia source, CallMedia target, TapChannel channel, IMediaTap? tap)
    {
        Relay = relay;
        _source = source;
        _target = target;
        _channel = channel;
        _tap = tap;
        _transcode = source.Audio.Codec != target.Audio.Codec;
        _bridgedAt = source.TimeProvider.GetTimestamp();
    }

    public MediaRelay Relay { get; }

    /// <summary>Packets forwarded to the target.</summary>
    public long PacketsRelayed { get; private set; }

    /// <summary>Relays one datagram received on the source leg.</summary>
    public void Forward(ReadOnlySpan<byte> datagram, long arrival)
    {
        if (RtpHeader.TryParse(datagram, out var header) != RtpParseError.None || header.PayloadLength > MaxPayload)
        {
            return;
        }

        var isEvent = header.PayloadType == _source.Audio.TelephoneEventPayloadType;
        if (!isEvent && header.PayloadType != _source.Audio.PayloadType)
        {
            return;
        }

        if (isEvent && _target.Audio.TelephoneEventPayloadType is null)
        {
            return;
        }

        var payload = header.PayloadOf(datagram);
        lock (_target.SendGate)
        {
            if (_stopped)
            {
                return;
            }

            var marker = header.Marker;
            if (!_started || header.Ssrc != _sourceSsrc || SequenceJumped(header.SequenceNumber))
            {
                Rebase(header, arrival);
                marker = true;
            }

            _lastSourceSequence = header.SequenceNumber;
            var timestamp = unchecked(header.Timestamp + _timestampOffset);
            var outPayload = payload;
            byte payloadType;
            if (isEvent)
            {
                payloadType = _target.Audio.TelephoneEventPayloadType!.Value;
            }
            else
            {
                payloadType = _target.Audio.PayloadType;
                if (_transcode)
                {
                    var converted = _payload.AsSpan(0, payload.Length);
                    if (_source.Audio.Codec == G711Law.MuLaw)
                    {
                        G711Transcoder.MuLawToALaw(payload, converted);
                    }
                    else
                    {
                        G711Transcoder.ALawToMuLaw(payload, converted);
                    }

                    outPayload = converted;
                }

                _lastOutTimestamp = timestamp;
                _lastPacketSamples = payload.Length;
                _lastArrival = arrival;
            }

            var length = _target.Sender.WritePacket(_packet, payloadType, marker, timestamp, outPayload);
            _target.Transport.Send(_packet.AsSpan(0, length));
            PacketsRelayed++;
            if (!isEvent && _tap is not null)
            {
                var samples = G711.Decode(_source.Audio.Codec, payload, _pcm);
                _tap.OnAudio(_channel, unchecked(timestamp - _tapBase), _pcm.AsSpan(0, samples));
            }
        }
    }

    /// <summary>Stops forwarding (the bridge is separated); a packet in flight finishes first.</summary>
    public void Stop()
    {
        lock (_target.SendGate)
        {
            _stopped = true;
        }
    }

    private bool SequenceJumped(ushort sequence)
    {
        var delta = (ushort)(sequence - _lastSourceSequence);
        return delta > RtpSourceStatistics.MaxDropout && delta < ushort.MaxValue - RtpSourceStatistics.MaxMisorder;
    }

    private void Rebase(in RtpHeader header, long arrival)
    {
        uint continueAt;
        if (!_started)
        {
            // Continue the target's own clock. Its next timestamp belongs to the tick after the bridge began, so a
            // packet within one ptime of the bridge takes it, and a later first packet moves on by the time since.
            var ptimeSamples = _target.Audio.Ptime * 8;
            var sinceBridge = Math.Max(0, SamplesSince(_bridgedAt, arrival, ptimeSamples) - ptimeSamples);
            continueAt = unchecked(_target.Sender.NextTimestamp + (uint)sinceBridge);
            _tapBase = continueAt;
            _started = true;
        }
        else
        {
            var packetSamples = Math.Max(1, _lastPacketSamples);
            var elapsed = Math.Max(packetSamples, SamplesSince(_lastArrival, arrival, packetSamples));
            continueAt = unchecked(_lastOutTimestamp + (uint)elapsed);
        }

        _sourceSsrc = header.Ssrc;
        _timestampOffset = unchecked(continueAt - header.Timestamp);
    }

    /// <summary>Samples at 8 kHz between two timestamps, rounded to a whole number of <paramref name="quantum"/>.</summary>
    private long SamplesSince(long from, long to, int quantum)
    {
        var samples = (long)Math.Round(_source.TimeProvider.GetElapsedTime(from, to).TotalSeconds * 8000 / quantum) * quantum;
        return Math.Max(0, samples);
    }
}
