using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Stack;

/// <summary>The final response to an INVITE and, on 2xx, the confirmed dialog (the stack has sent the ACK).</summary>
public sealed record SipInviteResult(SipResponse Response, SipDialog? Dialog);
