namespace Telephony.Sip.Parsing;

/// <summary>The URI parts whose allowed characters differ (RFC 3261 25.1).</summary>
internal enum UriComponent
{
    User,
    Password,
    Parameter,
    Header,
}
