using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

/// <summary>The user of transactions whose outcome nobody waits for (CANCEL: the INVITE's 487 is what matters).</summary>
internal sealed class SipIgnoringUser : ISipClientTransactionUser
{
    public static SipIgnoringUser Instance { get; } = new();

    public void OnResponse(SipClientTransaction transaction, SipResponse response)
    {
    }

    public void OnTimeout(SipClientTransaction transaction)
    {
    }
}
