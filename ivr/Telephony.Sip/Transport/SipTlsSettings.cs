using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Telephony.Sip.Transport;

/// <summary>
/// What a TLS transport needs: the certificate it presents to peers (with its private key) and whether the
/// certificates of peers it connects to must chain to a trusted root. Phones and softphones commonly present
/// self-signed certificates, which is why the check can be turned off.
/// </summary>
public sealed class SipTlsSettings
{
    public SipTlsSettings(X509Certificate2 certificate, bool verifyRemoteCertificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The TLS certificate has no private key.", nameof(certificate));
        }

        Certificate = certificate;
        VerifyRemoteCertificate = verifyRemoteCertificate;

        // Built once: every handshake reuses the chain instead of building it again.
        ServerContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
    }

    public X509Certificate2 Certificate { get; }

    public bool VerifyRemoteCertificate { get; }

    /// <summary>How long a peer may take to finish the handshake before the connection is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal SslStreamCertificateContext ServerContext { get; }
}
