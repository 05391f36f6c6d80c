namespace Telephony.Sip.Transactions;

/// <summary>What tells a merged request (RFC 3261 8.2.2.2): Call-ID, From tag, CSeq number and method.</summary>
internal readonly record struct SipMergeKey(string CallId, string? FromTag, uint Sequence, string Method);
