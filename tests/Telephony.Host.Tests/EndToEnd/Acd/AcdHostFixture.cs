using System.Globalization;
using System.Text.Json;
using Npgsql;
using Telephony.Acd.Agents;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Configuration;
using Telephony.Host.Identity;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// One demo host (--demo --demo-always-open) shared by the ACD end-to-end tests, on a database of its own, with its
/// RTP ports in <see cref="RtpPortMin"/>–<see cref="RtpPortMax"/> (above baresip's, so a capture filter on the source
/// port sees only what the host sends), and its menu prompts rendered before the first call.
/// </summary>
public sealed class AcdHostFixture : IAsyncLifetime
{
    public const int RtpPortMin = 50000;
    public const int RtpPortMax = 50999;
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, string> _addedSipPasswords = new(StringComparer.Ordinal);
    private HostProcess? _host;
    private int _rtpPortMin = RtpPortMin;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The host has not been started.");

    public DemoCredentialsFile Credentials { get; private set; } = new([], []);

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The SIP URI of the hotline number on this host.</summary>
    public string HotlineUri => string.Create(CultureInfo.InvariantCulture, $"sip:100@127.0.0.1:{Host.SipPort}");

    public string Registrar => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Host.SipPort}");

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        await StartOnAsync(await server.CreateDatabaseAsync("acde2e"));
    }

    /// <summary>
    /// Starts the host on <paramref name="connectionString"/>, with its RTP ports from <paramref name="rtpPortMin"/> on
    /// (1,000 of them). A second host on a database another host seeded is given that host's
    /// <paramref name="credentials"/>: only the seeding host writes the demo credentials file and renders the demo
    /// tree's prompts into its data directory, so only the seeding host is waited for.
    /// </summary>
    public async Task StartOnAsync(string connectionString, DemoCredentialsFile? credentials = null, int rtpPortMin = RtpPortMin)
    {
        ConnectionString = connectionString;
        _rtpPortMin = rtpPortMin;
        await StartAsync(null);
        if (credentials is not null)
        {
            Credentials = credentials;
            return;
        }

        Credentials = await ReadCredentialsAsync();

        // The demo tree's prompts are rendered by espeak-ng right after it is published; a caller before that hears gaps.
        var prompts = Path.Combine(Host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 600 && (!Directory.Exists(prompts) || Directory.GetFiles(prompts).Length < 40); i++)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Stops the host (SIGTERM), lets <paramref name="whileStopped"/> change its database, and starts it again on the
    /// same database and data directory, so what is loaded at start (agents, queues) comes from the changed rows.
    /// </summary>
    public async Task RestartAsync(Func<Task> whileStopped)
    {
        ArgumentNullException.ThrowIfNull(whileStopped);
        var data = Host.DataDirectory;

        // A call an earlier test left in progress gets the host's shutdown grace (30 s) to end; wait beyond it.
        await Host.TerminateAsync(TimeSpan.FromSeconds(60));
        await Host.DisposeAsync();
        await whileStopped();
        await StartAsync(data);
    }

    public string SipPasswordOf(string extension) =>
        _addedSipPasswords.TryGetValue(extension, out var added) ? added : Credentials.Agents.Single(a => a.Extension == extension).SipPassword;

    /// <summary>
    /// Adds agents beyond the demo's four the way an operator without an admin page would: with the host stopped,
    /// each gets an agent account, a SIP password (stored as digest hashes by <see cref="AccountStore"/>) and an ACD
    /// agent row with <paramref name="skills"/>; the restarted host loads them logged out. Agents already added are skipped.
    /// </summary>
    public async Task AddAgentsAsync(IEnumerable<string> extensions, IReadOnlyList<AgentSkill> skills)
    {
        var missing = extensions.Where(extension => !_addedSipPasswords.ContainsKey(extension)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        await RestartAsync(async () =>
        {
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            var accounts = new AccountStore(dataSource);
            var acd = new AcdConfigurationStore(dataSource);
            foreach (var extension in missing)
            {
                var sipPassword = PasswordHasher.Generate();
                var id = await accounts.CreateAsync("agent" + extension, Roles.Agent, "Agent " + extension, PasswordHasher.Generate(), extension, CancellationToken.None);
                await accounts.SetSipPasswordAsync(extension, sipPassword, id, CancellationToken.None);
                await acd.SaveAgentAsync(new Agent(extension, extension, "Agent " + extension, skills), id, active: true, CancellationToken.None);
                _addedSipPasswords[extension] = sipPassword;
            }
        });
    }

    public HttpClient ClientFor(string user)
    {
        var password = Credentials.Users.FirstOrDefault(u => u.User == user)?.Password
            ?? Credentials.Agents.First(a => a.WebUser == user).WebPassword;
        var client = new HttpClient { BaseAddress = Host.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
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

    private async Task<DemoCredentialsFile> ReadCredentialsAsync()
    {
        var path = Path.Combine(Host.DataDirectory, "demo-credentials.json");
        for (var i = 0; i < 600 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        return JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), WebJson)!;
    }

    private async Task StartAsync(string? dataDirectory)
    {
        var environment = new Dictionary<string, string>
        {
            ["Calls__Media__PortMin"] = _rtpPortMin.ToString(CultureInfo.InvariantCulture),
            ["Calls__Media__PortMax"] = (_rtpPortMin + RtpPortMax - RtpPortMin).ToString(CultureInfo.InvariantCulture),
        };
        _host = HostProcess.StartWithEnvironment(environment, ConnectionString, dataDirectory, "--demo", "--demo-always-open");
        await _host.WaitForHealthAsync(TimeSpan.FromSeconds(90));
    }
}
