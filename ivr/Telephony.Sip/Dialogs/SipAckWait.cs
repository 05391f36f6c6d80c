using Telephony.Sip.Transactions;

namespace Telephony.Sip.Dialogs;

/// <summary>A 2xx to INVITE the UAS core retransmits (T1 doubling to T2) until the ACK comes or 64*T1 passes.</summary>
internal sealed class SipAckWait(byte[] response, uint sequence, long deadlineMs)
{
    public byte[] Response { get; } = response;

    public uint Sequence { get; } = sequence;

    public long DeadlineMs { get; } = deadlineMs;

    public TimeSpan Interval { get; set; }

    public SipTimer? Timer { get; set; }
}
