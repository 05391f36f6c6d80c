using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Telephony.Acd.Store.Reservations;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Reservations;

/// <summary>
/// Two operating-system processes (psql) run the store's own reservation statements against the same agents at once;
/// every win enters a one-row-per-agent "occupied" table, so a double booking shows as an entry that found the agent taken.
/// </summary>
public sealed class ReservationProcessRaceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int IterationsPerProcess = 1000;
    private static readonly string[] Agents = ["p1", "p2", "p3"];

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, Agents);
        await using var command = database.DataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS race_occupied (agent_id text PRIMARY KEY, call_id text NOT NULL);
            CREATE TABLE IF NOT EXISTS race_log (process int NOT NULL, agent_id text NOT NULL, call_id text NOT NULL, entered_alone boolean NOT NULL);
            """);
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryReserve_two_processes_racing_never_both_hold_an_agent()
    {
        var scripts = new[] { WriteScript(1), WriteScript(2) };
        try
        {
            var processes = scripts.Select(StartPsql).ToArray();
            var outcomes = await Task.WhenAll(processes.Select(WaitAsync));

            foreach (var (exitCode, errors) in outcomes)
            {
                Assert.Equal(0, exitCode);
                var unexpected = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(line => !line.Contains("no rows returned for \\gset", StringComparison.Ordinal));
                Assert.Empty(unexpected);
            }
        }
        finally
        {
            foreach (var script in scripts)
            {
                File.Delete(script);
            }
        }

        var doubleBooked = await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM race_log WHERE NOT entered_alone");
        var winsOfFirst = await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM race_log WHERE process = 1");
        var winsOfSecond = await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM race_log WHERE process = 2");
        Assert.Equal(0, doubleBooked);
        Assert.True(winsOfFirst > 0 && winsOfSecond > 0, $"both processes should win some: {winsOfFirst}, {winsOfSecond}");
        Assert.True(winsOfFirst + winsOfSecond < 2 * IterationsPerProcess, "the processes should have contended for the agents");
        Assert.Equal(0, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_agent_reservations"));
    }

    private static string WriteScript(int process)
    {
        var random = new Random(process);
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"PREPARE reserve(text, text, text, timestamptz) AS {ReservationSql.TryReserve};");
        script.AppendLine(CultureInfo.InvariantCulture, $"PREPARE release(text, text) AS {ReservationSql.Release};");
        for (var i = 0; i < IterationsPerProcess; i++)
        {
            var agent = Agents[random.Next(Agents.Length)];
            var call = string.Create(CultureInfo.InvariantCulture, $"proc{process}-{i}");
            script.AppendLine(CultureInfo.InvariantCulture, $"""
                \unset held_by
                EXECUTE reserve('{agent}', '{call}', 'proc-{process}', now()) \gset
                \if :{"{?held_by}"}
                WITH entered AS (INSERT INTO race_occupied VALUES ('{agent}', '{call}') ON CONFLICT DO NOTHING RETURNING 1)
                  INSERT INTO race_log SELECT {process}, '{agent}', '{call}', EXISTS (SELECT 1 FROM entered);
                DELETE FROM race_occupied WHERE agent_id = '{agent}' AND call_id = '{call}';
                EXECUTE release('{agent}', '{call}');
                \endif
                """);
        }

        var path = Path.Combine(Path.GetTempPath(), $"reservation-race-{Guid.NewGuid():N}.sql");
        File.WriteAllText(path, script.ToString());
        return path;
    }

    private Process StartPsql(string scriptPath)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=0", "-f", scriptPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        return Process.Start(start) ?? throw new InvalidOperationException("psql did not start");
    }

    private static async Task<(int ExitCode, string Errors)> WaitAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await output;
            return (process.ExitCode, await errors);
        }
    }
}
