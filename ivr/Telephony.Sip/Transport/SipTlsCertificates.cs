using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telephony.Sip.Transport;

/// <summary>
/// Loads the TLS certificate from PEM files, and makes a self-signed one for development and demo hosts that have
/// none configured (kept on disk so phones that pinned it keep trusting it across restarts).
/// </summary>
public static class SipTlsCertificates
{
    /// <summary>The file names a generated certificate and key get inside their directory.</summary>
    public const string CertificateFileName = "sip-tls-cert.pem";

    public const string KeyFileName = "sip-tls-key.pem";

    /// <summary>Reads a PEM certificate (optionally followed by its chain) and a PEM private key (PKCS#8, PKCS#1 or SEC1).</summary>
    public static X509Certificate2 LoadPem(string certificatePath, string keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    /// <summary>
    /// The certificate and key files in <paramref name="directory"/>, generated first when either is missing: an
    /// ECDSA P-256 key and a self-signed certificate valid for ten years, naming <paramref name="hostNames"/> and
    /// <paramref name="addresses"/> as subject alternative names. The key file is readable by its owner only.
    /// </summary>
    public static (string CertificatePath, string KeyPath, bool Created) EnsureSelfSigned(
        string directory, IReadOnlyList<string> hostNames, IReadOnlyList<IPAddress> addresses, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(hostNames);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(time);
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return (certificatePath, keyPath, false);
        }

        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = hostNames.Count > 0 ? hostNames[0] : "telephony-sip";
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hostNames)
        {
            names.AddDnsName(host);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        // The key is written first and owner-only before it holds anything, so it is never readable by others.
        WriteOwnerOnly(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        return (certificatePath, keyPath, true);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        using (File.Create(path))
        {
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, text);
    }
}
