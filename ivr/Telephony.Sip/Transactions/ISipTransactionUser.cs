using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>The transaction user (the stack's UAS/UAC core) as the transaction layer sees it; called on the Call-ID's worker.</summary>
internal interface ISipTransactionUser
{
    /// <summary>A new request with its server transaction (INVITE already answered with 100 Trying).</summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>An ACK that matched no server transaction: the ACK for a 2xx, which belongs to a dialog.</summary>
    void OnAck(SipRequest ack, SipSource source);

    /// <summary>A CANCEL matched this pending INVITE; 200 to the CANCEL is already sent, the INVITE awaits its 487.</summary>
    void OnCancel(SipServerTransaction invite);

    /// <summary>A response that matched no client transaction (a retransmitted 2xx to INVITE, or stray).</summary>
    void OnStrayResponse(SipResponse response, SipSource source);
}
