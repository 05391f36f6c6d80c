using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

/// <summary>Callbacks of a client transaction to its user, on the Call-ID's worker.</summary>
internal interface ISipClientTransactionUser
{
    /// <summary>A provisional or final response (each final once; 2xx retransmissions to INVITE go to the dialog).</summary>
    void OnResponse(SipClientTransaction transaction, SipResponse response);

    /// <summary>Timer B or F fired, or the transport refused the request: the TU treats it as 408.</summary>
    void OnTimeout(SipClientTransaction transaction);
}
