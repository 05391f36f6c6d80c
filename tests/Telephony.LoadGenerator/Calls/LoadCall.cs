using System.Net;
using Telephony.LoadGenerator.Rtp;
using Telephony.LoadGenerator.Sip;

namespace Telephony.LoadGenerator.Calls;

/// <summary>One generated call: its dialog identifiers, its timers (Stopwatch ticks) and its borrowed RTP pair. Driver thread only.</summary>
internal sealed class LoadCall(int index, string callId, SipChannel channel, RtpSlot? slot, RtpStreamStats stats)
{
    public int Index { get; } = index;

    public string CallId { get; } = callId;

    public SipChannel Channel { get; } = channel;

    /// <summary>The borrowed RTP pair; null when the generator's own range had none free.</summary>
    public RtpSlot? Slot { get; } = slot;

    public RtpStreamStats Stats { get; } = stats;

    public LoadCallState State { get; set; }

    public CallFailure Failure { get; set; }

    /// <summary>The final status of a rejected INVITE.</summary>
    public int RejectStatus { get; set; }

    public string From { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string InviteBranch { get; set; } = string.Empty;

    public string RequestUri { get; set; } = string.Empty;

    /// <summary>The remote target from the 200's Contact, where ACK and BYE go.</summary>
    public string RemoteTarget { get; set; } = string.Empty;

    public string InviteText { get; set; } = string.Empty;

    public string AckText { get; set; } = string.Empty;

    public string ByeText { get; set; } = string.Empty;

    public bool Provisional { get; set; }

    public long InvitedAt { get; set; }

    public long AnsweredAt { get; set; }

    public long HangUpAt { get; set; }

    public long ByeSentAt { get; set; }

    public long MediaClosedAt { get; set; }

    public long FinishedAt { get; set; }

    public long NextRetransmitAt { get; set; }

    public long RetransmitInterval { get; set; }

    /// <summary>Where our RTP goes (the SDP answer's address and port).</summary>
    public SocketAddress? RtpRemote { get; set; }

    public long NextRtpAt { get; set; }

    public ushort RtpSequence { get; set; }

    public uint RtpTimestamp { get; set; }

    public uint RtpSsrc { get; set; }

    public long RtpPacketsSent { get; set; }

    public RtpStreamResult Media { get; set; }
}
