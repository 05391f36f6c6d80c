using System.Net;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

/// <summary>A self-signed certificate for 127.0.0.1 written as PEM into a temporary directory, deleted on dispose.</summary>
internal sealed class TlsTestCertificate : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sip-tls-");

    public TlsTestCertificate()
    {
        (CertificatePath, KeyPath, _) = SipTlsCertificates.EnsureSelfSigned(
            _directory.FullName, ["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback], TimeProvider.System);
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public SipTlsSettings Settings(bool verifyRemote = false) => new(SipTlsCertificates.LoadPem(CertificatePath, KeyPath), verifyRemote);

    public void Dispose() => _directory.Delete(recursive: true);
}
