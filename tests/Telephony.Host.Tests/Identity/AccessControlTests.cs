using System.Net;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Identity;

/// <summary>The demo accounts against the running server: roles, Basic for scripts, stored secrets, audit.</summary>
public sealed class AccessControlTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    [Fact]
    public void Demo_credentials_file_lists_four_agents_and_staff_of_every_role()
    {
        Assert.Equal(["1001", "1002", "1003", "1004"], demo.Credentials.Agents.Select(a => a.Extension));
        Assert.Equal(["admin", "supervisor", "qa"], demo.Credentials.Users.Select(u => u.Role));
        Assert.All(demo.Credentials.Agents, a => Assert.Equal(16, a.SipPassword.Length));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(demo.Host.DataDirectory, "demo-credentials.json")));
    }

    [Fact]
    public async Task Api_with_basic_credentials_answers_who_the_caller_is()
    {
        using var client = demo.ClientFor("supervisor");

        var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/me", UriKind.Relative))).RootElement;

        Assert.Equal("supervisor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Api_without_credentials_is_401_with_a_basic_challenge_not_a_redirect()
    {
        using var response = await demo.Host.Http.GetAsync(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_with_wrong_password_is_401()
    {
        using var client = demo.ClientFor("qa", "not-the-password");

        using var response = await client.GetAsync(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Audit_api_refuses_an_agent_with_403_and_the_refusal_is_in_the_audit_log()
    {
        using var agent = demo.ClientFor("agent1002");
        using var admin = demo.ClientFor("admin");

        using var refused = await agent.GetAsync(new Uri("api/audit", UriKind.Relative));
        var log = JsonDocument.Parse(await admin.GetStringAsync(new Uri("api/audit?action=access-denied", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("actor").GetString() == "agent1002" && e.GetProperty("subject").GetString() == "/api/audit");
    }

    [Fact]
    public async Task Page_of_admin_section_redirects_anonymous_visitors_to_login()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = demo.Host.Http.BaseAddress };

        using var response = await client.GetAsync(new Uri("admin/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_secrets_are_hashes_never_the_passwords()
    {
        var agent = demo.Credentials.Agents[0];
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT a.password_hash, s.ha1_md5, s.ha1_sha256 FROM accounts a JOIN sip_credentials s ON s.account_id = a.id WHERE s.username = $1",
            connection);
        command.Parameters.Add(new() { Value = agent.Extension });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.True(Telephony.Host.Identity.PasswordHasher.Verify(agent.WebPassword, reader.GetString(0)));
        Assert.DoesNotContain(agent.WebPassword, reader.GetString(0), StringComparison.Ordinal);
        Assert.Equal(Telephony.Host.Identity.SipDigest.Ha1Md5(agent.Extension, "telephony", agent.SipPassword), reader.GetString(1));
        Assert.Equal(Telephony.Host.Identity.SipDigest.Ha1Sha256(agent.Extension, "telephony", agent.SipPassword), reader.GetString(2));
    }
}
