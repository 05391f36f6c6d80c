namespace Telephony.Sip.Transactions;

/// <summary>The states of RFC 3261 17 (figures 5–8); each transaction kind uses its own subset.</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Terminated,
}
