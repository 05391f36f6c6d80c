namespace Telephony.Sip.Registrar;

/// <summary>An agent's digest secrets as stored: HA1 = H(username:realm:password) for MD5 and SHA-256, never the password.</summary>
public sealed record SipCredentials(string UserName, string Ha1Md5, string Ha1Sha256);
