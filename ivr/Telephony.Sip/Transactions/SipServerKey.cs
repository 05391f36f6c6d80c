namespace Telephony.Sip.Transactions;

/// <summary>
/// What matches a request to its server transaction (RFC 3261 17.2.3): branch, sent-by host and port, and method. For
/// an RFC 2543 peer (no magic cookie) <see cref="Branch"/> holds the older fields joined, with no host or port. A value
/// type over strings the parsed Via already holds, so matching allocates nothing.
/// </summary>
internal readonly record struct SipServerKey(string Branch, string Host, int Port, string Method);
