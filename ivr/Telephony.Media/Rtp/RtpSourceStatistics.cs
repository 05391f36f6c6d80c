using Telephony.Media.Rtcp;

namespace Telephony.Media.Rtp;

/// <summary>
/// Receive statistics for one synchronisation source, per RFC 3550 Appendix A: sequence
/// validation with probation (A.1), extended highest sequence with wrap-around, expected and lost
/// counts and the fraction lost per reporting interval (A.3), and interarrival jitter (A.8).
/// One instance per received stream; <see cref="Update"/> runs per packet and never allocates.
/// </summary>
public sealed class RtpSourceStatistics
{
    /// <summary>Packets in sequence required before a source is valid.</summary>
    public const int MinSequential = 2;

    /// <summary>A forward jump larger than this is treated as a restart (or a bad packet).</summary>
    public const int MaxDropout = 3000;

    /// <summary>A backward jump up to this is a late (misordered or duplicate) packet.</summary>
    public const int MaxMisorder = 100;

    private const uint SequenceModulo = 1 << 16;

    private readonly int _clockRate;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence = SequenceModulo + 1;
    private int _probation = MinSequential;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _lastTransit;
    private bool _hasTransit;
    private double _jitter;
    private uint _lastSenderReportMiddle;
    private TimeSpan _lastSenderReportArrival;
    private bool _hasSenderReport;

    /// <summary>
    /// Starts statistics for a source first seen with <paramref name="firstSequence"/>; then pass
    /// that same first packet to <see cref="Update"/>, which opens probation (RFC 3550 A.1).
    /// </summary>
    public RtpSourceStatistics(uint ssrc, ushort firstSequence, int clockRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        _clockRate = clockRate;
        InitSequence(firstSequence);

        // The first packet starts probation; it is not yet counted as received.
        _maxSequence = (ushort)(firstSequence - 1);
    }

    /// <summary>The source described.</summary>
    public uint Ssrc { get; }

    /// <summary>True once the source passed probation (enough packets in sequence).</summary>
    public bool IsValid => _probation == 0;

    /// <summary>The highest sequence number seen, extended with the count of wrap-arounds.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Valid packets received (duplicates included, as RFC 3550 counts them).</summary>
    public long Received => _received;

    /// <summary>Packets expected from the first valid sequence number to the highest.</summary>
    public long Expected => (long)ExtendedHighestSequence - _baseSequence + 1;

    /// <summary>Expected minus received; negative when duplicates arrived.</summary>
    public long CumulativeLost => Expected - _received;

    /// <summary>Interarrival jitter in timestamp units, as carried in reports.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Interarrival jitter converted to milliseconds.</summary>
    public double JitterMilliseconds => _jitter * 1000 / _clockRate;

    /// <summary>
    /// Accounts for a packet. Returns false when the packet should not be played: the source is
    /// still on probation, or the sequence number jumped so far it looks like garbage or a restart
    /// that is not yet confirmed. <paramref name="arrival"/> is any monotonic clock reading.
    /// </summary>
    public bool Update(ushort sequence, uint rtpTimestamp, TimeSpan arrival)
    {
        var accepted = UpdateSequence(sequence);
        if (accepted)
        {
            UpdateJitter(rtpTimestamp, arrival);
        }

        return accepted;
    }

    /// <summary>Remembers the middle 32 bits of a received SR's NTP time, for LSR/DLSR in our reports.</summary>
    public void OnSenderReport(ulong ntpTimestamp, TimeSpan arrival)
    {
        _lastSenderReportMiddle = (uint)(ntpTimestamp >> 16);
        _lastSenderReportArrival = arrival;
        _hasSenderReport = true;
    }

    /// <summary>
    /// Builds the report block for our next SR/RR and starts a new reporting interval
    /// (the fraction lost covers the packets since the previous call).
    /// </summary>
    public RtcpReportBlock CreateReportBlock(TimeSpan now)
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);

        uint delaySinceLast = 0;
        if (_hasSenderReport)
        {
            // DLSR is in units of 1/65536 s.
            delaySinceLast = (uint)Math.Max(0, (now - _lastSenderReportArrival).TotalSeconds * 65536);
        }

        return new RtcpReportBlock(
            Ssrc,
            fraction,
            (int)Math.Clamp(CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost),
            ExtendedHighestSequence,
            Jitter,
            _hasSenderReport ? _lastSenderReportMiddle : 0,
            delaySinceLast);
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
    }

    private bool UpdateSequence(ushort sequence)
    {
        var delta = (ushort)(sequence - _maxSequence);
        if (_probation > 0)
        {
            if (sequence == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequence;
                if (_probation == 0)
                {
                    InitSequence(sequence);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequence;
            }

            return false;
        }

        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulo;
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A very large jump: accept it only when the next packet follows on (the sender restarted).
            if (sequence == _badSequence)
            {
                InitSequence(sequence);
                _hasTransit = false;
            }
            else
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulo - 1));
                return false;
            }
        }

        // Otherwise a duplicate or reordered packet: counted, and playable if the jitter buffer still wants it.
        _received++;
        return true;
    }

    private void UpdateJitter(uint rtpTimestamp, TimeSpan arrival)
    {
        // A.8: transit time in timestamp units; only differences matter, so the offset between clocks cancels.
        var arrivalUnits = arrival.TotalSeconds * _clockRate;
        var transit = arrivalUnits - rtpTimestamp;
        if (_hasTransit)
        {
            var difference = transit - _lastTransit;

            // RTP timestamps wrap at 2^32; fold the difference back into a signed range.
            difference = Math.IEEERemainder(difference, 4294967296.0);
            _jitter += (Math.Abs(difference) - _jitter) / 16;
        }

        _lastTransit = transit;
        _hasTransit = true;
    }
}
