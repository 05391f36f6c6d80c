using System.Text.Json;
using Telephony.Acd.Store.Configuration;
using Telephony.Acd.Store.Demo;
using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Host.Identity;

namespace Telephony.Host.Demo;

/// <summary>
/// With --demo, fills an empty database with the demo hotline: staff of every role, agents 1001–1004 with phones and
/// web logins, and the demo's ACD queues and agents (<see cref="DemoAcd"/>, linked to those logins). Passwords are
/// generated, printed once and written to DATA/demo-credentials.json (readable by the owner only).
/// </summary>
internal sealed class DemoSeeder(
    TelephonyOptions options,
    DatabaseStatus database,
    AccountStore accounts,
    AcdConfigurationStore acd,
    DemoSeeding seeding,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public static readonly IReadOnlyList<(string Role, string User, string Name)> DemoStaff =
    [
        (Roles.Admin, "admin", "Demo administrator"),
        (Roles.Supervisor, "supervisor", "Demo supervisor"),
        (Roles.Qa, "qa", "Demo QA evaluator"),
    ];

    public string CredentialsPath => Path.Combine(options.DataDirectory, "demo-credentials.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Demo)
        {
            return;
        }

        await database.WhenReady.WaitAsync(stoppingToken);
        if (await accounts.AnyAsync(stoppingToken))
        {
            // Another host on this database (or an earlier run) seeded the people; the ACD rows may still be missing.
            if ((await acd.LoadAgentsAsync(stoppingToken)).Count == 0)
            {
                await SeedAcdAsync(await ExistingAgentAccountsAsync(stoppingToken), stoppingToken);
            }

            seeding.MarkAcdSeeded();
            DemoLog.AlreadySeeded(logger, CredentialsPath);
            return;
        }

        var users = new List<DemoUserCredentials>();
        foreach (var (role, user, name) in DemoStaff)
        {
            var password = PasswordHasher.Generate();
            await accounts.CreateAsync(user, role, name, password, null, stoppingToken);
            users.Add(new DemoUserCredentials(role, user, password));
        }

        var agents = new List<DemoAgentCredentials>();
        var accountIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var agent in DemoAcd.Agents)
        {
            var webPassword = PasswordHasher.Generate();
            var sipPassword = PasswordHasher.Generate();
            var webUser = WebUserOf(agent.Extension);
            var id = await accounts.CreateAsync(webUser, Roles.Agent, agent.Name, webPassword, agent.Extension, stoppingToken);
            await accounts.SetSipPasswordAsync(agent.Extension, sipPassword, id, stoppingToken);
            accountIds[agent.Extension] = id;
            agents.Add(new DemoAgentCredentials(agent.Extension, sipPassword, webUser, webPassword));
        }

        await SeedAcdAsync(accountIds, stoppingToken);
        seeding.MarkAcdSeeded();
        var credentials = new DemoCredentials(agents, users);
        // Written aside and renamed into place: whoever waits for the file never reads it half written.
        var partial = CredentialsPath + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(credentials, DemoJson.Options), stoppingToken);
        File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(partial, CredentialsPath, overwrite: true);
        DemoLog.Seeded(logger, CredentialsPath, string.Join(", ", users.Select(u => $"{u.User}/{u.Password}")));
    }

    private static string WebUserOf(string extension) => "agent" + extension;

    /// <summary>The demo queues and agents; acd_agents rows are what agent reservations refer to.</summary>
    private Task SeedAcdAsync(IReadOnlyDictionary<string, long> accountIdByExtension, CancellationToken cancellationToken) =>
        DemoAcd.SeedAsync(acd, accountIdByExtension, cancellationToken);

    private async Task<IReadOnlyDictionary<string, long>> ExistingAgentAccountsAsync(CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var agent in DemoAcd.Agents)
        {
            if (await accounts.FindAsync(WebUserOf(agent.Extension), cancellationToken) is { } account)
            {
                ids[agent.Extension] = account.Id;
            }
        }

        return ids;
    }
}
