using System.Buffers.Binary;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>
/// What one call received: packets, loss from the sequence numbers (RFC 3550 A.1 style: extended highest minus first,
/// wraps counted; a new SSRC starts a new run), the largest gap between two arrivals and how many gaps exceeded the
/// threshold. Gaps come from the kernel's arrival stamps when both packets have one, else from when they were read.
/// Fed by the receive thread, read by the driver; both under the instance's lock (uncontended).
/// </summary>
internal sealed class RtpStreamStats(long gapThresholdTicks)
{
    private readonly Lock _lock = new();
    private bool _closed;
    private long _packets;
    private long _expectedBefore;
    private uint _ssrc;
    private int _baseSequence;
    private int _highestSequence;
    private long _cycles;
    private long _firstArrival;
    private long _lastArrival;
    private long _lastKernelArrival;
    private long _maxGap;
    private long _maxGapEndedAt;
    private long _gapsOver;
    private long _rtcp;

    /// <summary>
    /// Counts one RTP datagram read at <paramref name="arrival"/> (Stopwatch ticks) that the kernel stamped at
    /// <paramref name="kernelArrival"/> (in Stopwatch tick units of its own clock; 0 when unknown). Non-RTP is ignored.
    /// </summary>
    public void OnRtp(ReadOnlySpan<byte> datagram, long arrival, long kernelArrival)
    {
        if (datagram.Length < 12 || (datagram[0] & 0xC0) != 0x80)
        {
            return;
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]);
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            if (_packets == 0)
            {
                _firstArrival = arrival;
                Restart(ssrc, sequence);
            }
            else
            {
                var gap = kernelArrival != 0 && _lastKernelArrival != 0 ? kernelArrival - _lastKernelArrival : arrival - _lastArrival;
                if (gap > _maxGap)
                {
                    _maxGap = gap;
                    _maxGapEndedAt = arrival;
                }

                if (gap > gapThresholdTicks)
                {
                    _gapsOver++;
                }

                if (ssrc != _ssrc)
                {
                    _expectedBefore += Expected;
                    Restart(ssrc, sequence);
                }
                else
                {
                    var delta = (ushort)(sequence - _highestSequence);
                    if (delta is > 0 and < 0x8000)
                    {
                        if (sequence < _highestSequence)
                        {
                            _cycles += 0x10000;
                        }

                        _highestSequence = sequence;
                    }
                }
            }

            _lastArrival = arrival;
            _lastKernelArrival = kernelArrival;
            _packets++;
        }
    }

    public void OnRtcp()
    {
        lock (_lock)
        {
            _rtcp++;
        }
    }

    /// <summary>Stops counting (we sent BYE: what arrives after it is not the call's media any more) and returns the figures.</summary>
    public RtpStreamResult Close()
    {
        lock (_lock)
        {
            _closed = true;
            var expected = _expectedBefore + (_packets == 0 ? 0 : Expected);
            return new RtpStreamResult(_packets, Math.Max(0, expected - _packets), _maxGap, _maxGapEndedAt, _gapsOver, _firstArrival, _rtcp);
        }
    }

    private long Expected => _cycles + _highestSequence - _baseSequence + 1;

    private void Restart(uint ssrc, int sequence)
    {
        _ssrc = ssrc;
        _baseSequence = sequence;
        _highestSequence = sequence;
        _cycles = 0;
    }
}
