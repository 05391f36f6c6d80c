namespace Telephony.Sip.Authentication;

/// <summary>Digest hash algorithms (RFC 7616 3.2, RFC 8760). The -sess variants fold the nonces into HA1.</summary>
public enum SipDigestAlgorithm
{
    Md5,
    Md5Session,
    Sha256,
    Sha256Session,
}
