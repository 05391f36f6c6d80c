using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>The host's SIP listeners as load balancers and phones see them.</summary>
public sealed class SipListenerTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Healthz_lists_udp_and_tcp_listeners_and_sipsak_options_gets_200()
    {
        var server = await PostgresServer.SharedAsync();
        await using var host = HostProcess.Start(await server.CreateDatabaseAsync("sipopts"));
        await host.WaitForHealthAsync(StartTimeout);

        var health = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("healthz", UriKind.Relative))).RootElement;
        var sip = health.GetProperty("checks").GetProperty("sip");
        Assert.True(sip.GetProperty("healthy").GetBoolean());
        Assert.Contains($"Udp 127.0.0.1:{host.SipPort} listening", sip.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Tcp 127.0.0.1:{host.SipPort} listening", sip.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (exitCode, output) = await ExternalTool.RunAsync("sipsak", TimeSpan.FromSeconds(20), "-vv", "-s", $"sip:127.0.0.1:{host.SipPort}");
        Assert.Equal(0, exitCode);
        Assert.Contains("200 OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_is_503_naming_sip_when_its_port_is_taken_and_the_pages_still_answer()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("siptaken");
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        await using var host = HostProcess.Start(database, null, "--sip", $"127.0.0.1:{taken}");
        await host.WaitForHealthAsync(StartTimeout, expectedStatus: 503);

        // The database becomes healthy once migrated; the SIP failure stays.
        JsonElement health = default;
        string[] failing = [];
        for (var attempt = 0; attempt < 300 && !failing.SequenceEqual(["sip"]); attempt++)
        {
            await Task.Delay(200);
            using var response = await host.Http.GetAsync(new Uri("healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            failing = [.. health.GetProperty("failing").EnumerateArray().Select(e => e.GetString()!)];
        }

        Assert.Equal(["sip"], failing);
        Assert.Contains($"127.0.0.1:{taken}", health.GetProperty("checks").GetProperty("sip").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
