using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>Two real host processes on one database: the clustered scheduler runs the daily report on one of them only.</summary>
public sealed class ClusteredReportsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static async Task<long> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> DumpTriggersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT trigger_name, trigger_group, trigger_state, next_fire_time FROM qrtz_triggers", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}/{reader.GetString(1)} {reader.GetString(2)} {(await reader.IsDBNullAsync(3) ? "-" : reader.GetInt64(3))}");
        }

        return string.Join("; ", rows);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Two_host_processes_on_one_database_run_the_daily_report_once()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("cluster");
        await using var first = HostProcess.Start(database);
        await using var second = HostProcess.Start(database);
        await first.WaitForHealthAsync(StartTimeout);
        await second.WaitForHealthAsync(StartTimeout);
        await WaitUntilAsync(async () => await ScalarAsync(database, "SELECT count(*) FROM qrtz_scheduler_state") == 2, StartTimeout,
            "both schedulers checked in to the cluster");

        // Bring the real daily cron trigger's next firing forward to now (Quartz.NET stores UTC ticks), as midnight would.
        var moved = await ScalarAsync(database,
            "UPDATE qrtz_triggers SET next_fire_time = $1 WHERE trigger_name = 'daily-report' AND trigger_state = 'WAITING' RETURNING 1",
            DateTimeOffset.UtcNow.UtcTicks);
        Assert.True(moved == 1, "the daily trigger was not waiting: " + await DumpTriggersAsync(database));
        await WaitUntilAsync(async () => await ScalarAsync(database, "SELECT count(*) FROM reports") > 0, TimeSpan.FromSeconds(90),
            "a host ran the daily report");

        // Both nodes poll the store at least every 30 s (the idle wait): leave the other one a full cycle to run it again, were clustering broken.
        await Task.Delay(TimeSpan.FromSeconds(35));
        Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM reports"));
        Assert.Equal(1, await ScalarAsync(database, "SELECT max(id) FROM reports")); // a second run would replace it under a new id
        Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM reports WHERE kind = 'daily' AND generated_by LIKE 'scheduler@%'"));
        // Each host logs the job's start (event 6001) on its console: exactly one of them ran it.
        var runs = new[] { first, second }.Select(host => CountOf(host.Output, "Scheduled daily report for ")).ToArray();
        Assert.True(runs.Sum() == 1, $"daily report runs per host: {string.Join(", ", runs)}\n{first.Output}\n----\n{second.Output}");
        var nextFire = await ScalarAsync(database, "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'daily-report'");
        Assert.True(new DateTimeOffset(nextFire, TimeSpan.Zero) > DateTimeOffset.UtcNow, "the trigger moved on to its next night");
    }
}
