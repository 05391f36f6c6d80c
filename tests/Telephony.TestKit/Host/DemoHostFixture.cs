using System.Text.Json;
using Telephony.TestKit.Postgres;
using Xunit;

namespace Telephony.TestKit.Host;

/// <summary>A class fixture: the host started with --demo on a database of its own, with the demo credentials it wrote.</summary>
public sealed class DemoHostFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The host has not been started.");

    public DemoCredentialsFile Credentials { get; private set; } = new([], []);

    public string ConnectionString { get; private set; } = string.Empty;

    public string BaseUrl => Host.Http.BaseAddress!.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync("demo");
        _host = HostProcess.Start(ConnectionString, null, "--demo", "--demo-always-open");
        await _host.WaitForHealthAsync(TimeSpan.FromSeconds(90));
        var path = Path.Combine(_host.DataDirectory, "demo-credentials.json");
        for (var i = 0; i < 100 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        Credentials = JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), WebJson)!;
    }

    public string PasswordOf(string user) =>
        Credentials.Users.FirstOrDefault(u => u.User == user)?.Password ??
        Credentials.Agents.First(a => a.WebUser == user).WebPassword;

    public HttpClient ClientFor(string user, string? password = null)
    {
        var client = new HttpClient { BaseAddress = Host.Http.BaseAddress };
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password ?? PasswordOf(user)}"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed record DemoCredentialsFile(IReadOnlyList<DemoAgentEntry> Agents, IReadOnlyList<DemoUserEntry> Users);

public sealed record DemoAgentEntry(string Extension, string SipPassword, string WebUser, string WebPassword);

public sealed record DemoUserEntry(string Role, string User, string Password);
