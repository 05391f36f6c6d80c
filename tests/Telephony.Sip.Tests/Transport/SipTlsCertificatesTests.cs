using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

public sealed class SipTlsCertificatesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sip-tls-cert-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void EnsureSelfSigned_first_call_creates_an_owner_only_key_and_a_certificate_naming_the_addresses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var (certificatePath, keyPath, created) = SipTlsCertificates.EnsureSelfSigned(
            _directory.FullName, ["sip.hotline.test"], [IPAddress.Parse("192.0.2.7")], time);

        Assert.True(created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        using var certificate = SipTlsCertificates.LoadPem(certificatePath, keyPath);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=sip.hotline.test", certificate.Subject);
        Assert.Equal(time.GetUtcNow().AddYears(10).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("sip.hotline.test", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Parse("192.0.2.7"), names.EnumerateIPAddresses());
    }

    [Fact]
    public void EnsureSelfSigned_second_call_keeps_the_existing_certificate()
    {
        var first = SipTlsCertificates.EnsureSelfSigned(_directory.FullName, ["localhost"], [IPAddress.Loopback], TimeProvider.System);
        var before = File.ReadAllText(first.CertificatePath);

        var second = SipTlsCertificates.EnsureSelfSigned(_directory.FullName, ["other"], [], TimeProvider.System);

        Assert.False(second.Created);
        Assert.Equal(first.CertificatePath, second.CertificatePath);
        Assert.Equal(before, File.ReadAllText(second.CertificatePath));
    }

    [Fact]
    public void Tls_settings_refuse_a_certificate_without_its_private_key()
    {
        var (certificatePath, _, _) = SipTlsCertificates.EnsureSelfSigned(_directory.FullName, ["localhost"], [], TimeProvider.System);
        using var publicOnly = X509CertificateLoader.LoadCertificateFromFile(certificatePath);

        Assert.Throws<ArgumentException>(() => new SipTlsSettings(publicOnly, verifyRemoteCertificate: true));
    }
}
