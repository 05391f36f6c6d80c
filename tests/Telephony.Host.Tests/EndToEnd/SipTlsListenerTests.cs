using System.Globalization;
using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>The host's <c>--sip tls:ADDR:PORT</c> listener with the self-signed certificate it makes at first start.</summary>
public sealed class SipTlsListenerTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Tls_listener_is_in_healthz_and_answers_options_with_the_certificate_kept_in_the_data_directory()
    {
        var server = await PostgresServer.SharedAsync();
        var tlsPort = FreePort.Tcp();
        await using var host = HostProcess.Start(await server.CreateDatabaseAsync("siptls"), null, "--sip", $"tls:127.0.0.1:{tlsPort.ToString(CultureInfo.InvariantCulture)}");
        await host.WaitForHealthAsync(StartTimeout);

        var health = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("healthz", UriKind.Relative))).RootElement;
        var sip = health.GetProperty("checks").GetProperty("sip");
        Assert.True(sip.GetProperty("healthy").GetBoolean());
        Assert.Contains($"Tls 127.0.0.1:{tlsPort} listening", sip.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Udp 127.0.0.1:{host.SipPort} listening", sip.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var certificate = Path.Combine(host.DataDirectory, "sip-tls", "sip-tls-cert.pem");
        Assert.True(File.Exists(certificate), host.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(host.DataDirectory, "sip-tls", "sip-tls-key.pem")));
        var options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bKhosttls\r\nMax-Forwards: 70\r\n"
            + "From: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: hosttls@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        var (exitCode, output) = await ExternalTool.RunAsync("bash", TimeSpan.FromSeconds(20), "-c",
            "(printf '%s' \"$1\"; sleep 2) | openssl s_client -connect \"127.0.0.1:$2\" -CAfile \"$3\" -verify_ip 127.0.0.1 -verify_return_error -quiet -no_ign_eof",
            "openssl-peer", options, tlsPort.ToString(CultureInfo.InvariantCulture), certificate);
        Assert.True(exitCode == 0, output);
        Assert.Contains("SIP/2.0 200 OK", output, StringComparison.Ordinal);
    }
}
