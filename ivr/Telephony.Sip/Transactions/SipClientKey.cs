namespace Telephony.Sip.Transactions;

/// <summary>What matches a response to its client transaction (RFC 3261 17.1.3): the top Via branch and the CSeq method.</summary>
internal readonly record struct SipClientKey(string Branch, string Method);
