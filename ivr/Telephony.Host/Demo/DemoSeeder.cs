using System.Text.Json;
using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Host.Identity;

namespace Telephony.Host.Demo;

/// <summary>
/// With --demo, fills an empty database with the demo hotline's people: staff of every role and agents 1001–1004 with
/// phones. Passwords are generated, printed once and written to DATA/demo-credentials.json (readable by the owner only).
/// </summary>
internal sealed class DemoSeeder(TelephonyOptions options, DatabaseStatus database, AccountStore accounts, ILogger<DemoSeeder> logger) : BackgroundService
{
    public static readonly IReadOnlyList<(string Extension, string Name)> DemoAgents =
    [
        ("1001", "Aysel Məmmədova"),
        ("1002", "Rəşad Əliyev"),
        ("1003", "Ирина Кузнецова"),
        ("1004", "Leyla Həsənova"),
    ];

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
        foreach (var (extension, name) in DemoAgents)
        {
            var webPassword = PasswordHasher.Generate();
            var sipPassword = PasswordHasher.Generate();
            var webUser = "agent" + extension;
            var id = await accounts.CreateAsync(webUser, Roles.Agent, name, webPassword, extension, stoppingToken);
            await accounts.SetSipPasswordAsync(extension, sipPassword, id, stoppingToken);
            agents.Add(new DemoAgentCredentials(extension, sipPassword, webUser, webPassword));
        }

        var credentials = new DemoCredentials(agents, users);
        // Written aside and renamed into place: whoever waits for the file never reads it half written.
        var partial = CredentialsPath + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(credentials, DemoJson.Options), stoppingToken);
        File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(partial, CredentialsPath, overwrite: true);
        DemoLog.Seeded(logger, CredentialsPath, string.Join(", ", users.Select(u => $"{u.User}/{u.Password}")));
    }
}
