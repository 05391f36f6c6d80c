using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// An agent phone on SIP over TLS: baresip registers with digest on the host's <c>tls:</c> listener (trusting the
/// self-signed certificate the host made in its data directory), and the host rings it over that TLS connection when a
/// caller on UDP reaches the queue; the two hear each other.
/// </summary>
public sealed class AgentTlsCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Agent_registered_over_tls_is_rung_over_tls_and_hears_the_caller()
    {
        var server = await PostgresServer.SharedAsync();
        var tlsPort = FreePort.Tcp();
        await using var host = HostProcess.Start(
            await server.CreateDatabaseAsync("agenttls"), null, "--demo", "--demo-always-open", "--sip", $"tls:127.0.0.1:{tlsPort.ToString(CultureInfo.InvariantCulture)}");
        await host.WaitForHealthAsync(TimeSpan.FromSeconds(90));
        var credentials = await ReadCredentialsAsync(host);
        using var supervisor = ClientFor(host, credentials.Users.First(u => u.User == "supervisor").Password, "supervisor");
        foreach (var other in new[] { "1001", "1002", "1004" })
        {
            using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{other}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.True(response.IsSuccessStatusCode, $"log out {other}: {response.StatusCode}");
        }

        var certificate = Path.Combine(host.DataDirectory, "sip-tls", "sip-tls-cert.pem");
        await using var agent = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = "1003",
            Registrar = $"127.0.0.1:{tlsPort.ToString(CultureInfo.InvariantCulture)}",
            Transport = "tls",
            Password = credentials.Agents.Single(a => a.Extension == "1003").SipPassword,
            AutoAnswer = true,
            ToneHz = 1000,
            ExtraConfig = [$"sip_cafile {certificate}"],
        });
        await agent.WaitForRegistrationAsync(Wait);

        await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "0507654321", ToneHz = 440 });
        await caller.DialAsync($"sip:100@127.0.0.1:{host.SipPort.ToString(CultureInfo.InvariantCulture)}");
        await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);

        // Keys typed ahead of the prompts: 2 in the greeting chooses Russian, 4 in the topic menu diploma recognition.
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("2");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("4");

        var answered = await agent.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(60));
        Assert.Equal("CALL_ESTABLISHED", answered.Type);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await caller.HangupAsync();
        try
        {
            await agent.WaitForEventAsync("CALL_CLOSED", Wait);
        }
        catch (TimeoutException)
        {
            Assert.Fail(host.Output);
        }

        Assert.Contains("{0/TLS/v4} 200 OK", agent.Output, StringComparison.Ordinal);
        var agentHeard = await AudioAnalysis.MeasureAsync(agent.ReceivedAudio().Single(), TimeSpan.FromSeconds(1));
        Assert.True(agentHeard.Rms > 0.05, $"the agent heard near silence (RMS {agentHeard.Rms})");
        Assert.InRange(agentHeard.RoughHz, 400, 480);
    }

    private static async Task<DemoCredentialsFile> ReadCredentialsAsync(HostProcess host)
    {
        var path = Path.Combine(host.DataDirectory, "demo-credentials.json");
        for (var i = 0; i < 600 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        return JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), WebJson)!;
    }

    private static HttpClient ClientFor(HostProcess host, string password, string user)
    {
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        return client;
    }
}
