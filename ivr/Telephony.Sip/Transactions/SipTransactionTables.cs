namespace Telephony.Sip.Transactions;

/// <summary>One worker's transactions; touched only on that worker, so plain dictionaries suffice.</summary>
internal sealed class SipTransactionTables
{
    public Dictionary<string, SipServerTransaction> Server { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SipClientTransaction> Client { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests without a To tag by Call-ID, From tag, CSeq and method, to spot merged requests.</summary>
    public Dictionary<string, SipServerTransaction> Merge { get; } = new(StringComparer.Ordinal);
}
