using System.Net;
using Telephony.Host.Configuration;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Host.Sip;

/// <summary>
/// The certificate of the <c>tls:</c> SIP listeners: the PEM files named by <c>Sip:TlsCertificatePath</c> and
/// <c>Sip:TlsKeyPath</c>, or, when neither is set (a development or demo host), a self-signed one generated at first
/// start and kept in the data directory, so phones that were told to trust it keep trusting it after a restart.
/// </summary>
internal static class SipTlsCertificateSetup
{
    public const string DirectoryName = "sip-tls";

    public static void Apply(TelephonyOptions options, SipStackOptions stackOptions, TimeProvider time, ILogger logger)
    {
        if (stackOptions.TlsListen.Count == 0
            || !string.IsNullOrWhiteSpace(stackOptions.TlsCertificatePath)
            || !string.IsNullOrWhiteSpace(stackOptions.TlsKeyPath))
        {
            return;
        }

        var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        addresses.AddRange(options.SipListen
            .Where(static e => e.IsTls && !e.Address.Equals(IPAddress.Any) && !e.Address.Equals(IPAddress.IPv6Any))
            .Select(static e => e.Address)
            .Where(a => !addresses.Contains(a)));
        var hostNames = new List<string> { "localhost" };
        if (!string.IsNullOrWhiteSpace(stackOptions.AdvertisedHost) && !IPAddress.TryParse(stackOptions.AdvertisedHost, out _))
        {
            hostNames.Insert(0, stackOptions.AdvertisedHost);
        }

        var (certificate, key, created) = SipTlsCertificates.EnsureSelfSigned(
            Path.Combine(options.DataDirectory, DirectoryName), hostNames, addresses, time);
        stackOptions.TlsCertificatePath = certificate;
        stackOptions.TlsKeyPath = key;
        SipHostLog.SelfSignedCertificate(logger, certificate, created ? "created" : "reused");
    }
}
