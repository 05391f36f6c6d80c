using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.Sip.Tests.Transport;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Stack;

/// <summary>
/// <c>openssl s_client</c> as an independent TLS peer (sipsak has no TLS here): it checks our self-signed certificate
/// against itself as CA and against the address dialled, then carries one OPTIONS and prints the answer.
/// </summary>
public sealed class OpensslTlsPeerTests : IDisposable
{
    private readonly TlsTestCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task Openssl_verifies_the_certificate_for_127_0_0_1_and_gets_200_to_options_over_tls()
    {
        var port = FreePort.Tcp();
        var options = new SipStackOptions { WorkerCount = 2, EnableTcp = false, TlsCertificatePath = _certificate.CertificatePath, TlsKeyPath = _certificate.KeyPath };
        options.Listen.Add($"127.0.0.1:{FreePort.UdpAndTcp()}");
        options.TlsListen.Add($"127.0.0.1:{port}");
        await using var stack = new SipStack(options, new RecordingHandler(), TimeProvider.System, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        var request = TlsSipTransportTests.TlsOptions(5061, "z9hG4bKopenssl");

        // stdin stays open two seconds so the answer arrives before s_client sees end of file and quits.
        var (exitCode, output) = await ExternalTool.RunAsync("bash", TimeSpan.FromSeconds(20), "-c",
            "(printf '%s' \"$1\"; sleep 2) | openssl s_client -connect \"127.0.0.1:$2\" -CAfile \"$3\" -verify_ip 127.0.0.1 -verify_return_error -quiet -no_ign_eof",
            "openssl-peer", request, port.ToString(System.Globalization.CultureInfo.InvariantCulture), _certificate.CertificatePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("verify return:1", output, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 200 OK", output, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bKopenssl", output, StringComparison.Ordinal);
    }
}
