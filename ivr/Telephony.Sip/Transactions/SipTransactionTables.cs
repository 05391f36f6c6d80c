namespace Telephony.Sip.Transactions;

/// <summary>One worker's transactions; touched only on that worker, so plain dictionaries suffice.</summary>
internal sealed class SipTransactionTables
{
    public Dictionary<SipServerKey, SipServerTransaction> Server { get; } = [];

    public Dictionary<SipClientKey, SipClientTransaction> Client { get; } = [];

    /// <summary>Requests without a To tag by Call-ID, From tag, CSeq and method, to spot merged requests.</summary>
    public Dictionary<SipMergeKey, SipServerTransaction> Merge { get; } = [];
}
