using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Telephony.Sip.Authentication;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.Sip.Tests.Transport;
using Telephony.Sip.Transport;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>
/// baresip 1.0.0 as an agent phone over TLS: it registers with digest on our TLS listener and is then called on that
/// same connection (it listens TLS on its sip_listen port + 1, but without a certificate of its own).
/// </summary>
public sealed class BaresipTlsTests : IDisposable
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 24990 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private readonly TlsTestCertificate _certificate = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("baresip-tls-");

    public void Dispose()
    {
        _certificate.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Baresip_registers_over_tls_with_digest_and_answers_an_invite_sent_on_its_tls_connection()
    {
        await using var stack = await RegistrarStack.StartAsync(o => o.Algorithms = [SipDigestAlgorithm.Md5], _certificate);
        WriteConfig(stack);
        var run = PeerProcess.RunAsync("baresip", TimeSpan.FromSeconds(30), "-4", "-f", _directory.FullName, "-t", "8");

        var binding = await WaitForBindingAsync(stack, TimeSpan.FromSeconds(8));
        if (binding is null)
        {
            var (_, log) = await run;
            Assert.Fail("baresip did not register over TLS:\n" + log);
        }

        Assert.Equal("TLS", binding.Transport);
        Assert.Contains("transport=tls", binding.ContactUri, StringComparison.OrdinalIgnoreCase);
        var tls = stack.Stack.Transports.OfType<TcpSipTransport>().Single(t => t.Kind == SipTransportKind.Tls);
        Assert.True(tls.HasOpenConnection(binding.Source));

        var callee = new RecordingHandler();
        var invite = new SipInviteRequest(binding.ContactUri, "<sip:100@127.0.0.1>", "<sip:1003@127.0.0.1>", binding.Source)
        {
            Transport = SipTransportKind.Tls,
            Sdp = Encoding.ASCII.GetBytes(Offer),
        };
        using var ringing = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await stack.Stack.InviteAsync(invite, callee, cancellationToken: ringing.Token);

        Assert.Equal(200, result.Response.StatusCode);
        Assert.Equal("TLS", result.Response.Via[0].Transport);
        var dialog = Assert.IsType<SipDialog>(result.Dialog);
        var bye = await dialog.SendByeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, bye.StatusCode);
        Assert.Equal(1, tls.ConnectionCount);
        var (_, output) = await run;
        Assert.Contains("{0/TLS/v4} 200 OK", output, StringComparison.Ordinal);
        Assert.Contains("Call established: sip:100@127.0.0.1", output, StringComparison.Ordinal);
    }

    private void WriteConfig(RegistrarStack stack)
    {
        var sipPort = FreePort.UdpAndTcp();
        File.WriteAllText(Path.Combine(_directory.FullName, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
            $"sip_cafile {_certificate.CertificatePath}",
            "net_interface 127.0.0.1",
            "rtp_ports 24900-24989",
            "audio_player aubridge,nil",
            "audio_source aubridge,nil",
            "audio_alert aubridge,nil",
            "statmode_default off",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aubridge.so",
            "module_tmp uuid.so",
            "module_tmp account.so",
            "module_app menu.so",
            string.Empty));
        File.WriteAllText(
            Path.Combine(_directory.FullName, "accounts"),
            $"<sip:1003@127.0.0.1:{stack.TlsPort.ToString(CultureInfo.InvariantCulture)};transport=tls>;auth_pass=baresip-pass-42;answermode=auto;regint=600\n");
    }

    private static async Task<Telephony.Sip.Registrar.SipBinding?> WaitForBindingAsync(RegistrarStack stack, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var bindings = await stack.Store.FindContactsAsync("1003", CancellationToken.None);
            if (bindings.Count > 0)
            {
                return bindings[0];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return null;
    }
}
