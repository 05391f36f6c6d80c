using System.Net;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Network;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>The server binary as an operator runs it: embedded database, health, metrics, signals, restarts.</summary>
public sealed class HostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static bool PostgresRunsFor(string clusterDirectory)
    {
        var resolved = new DirectoryInfo(clusterDirectory).ResolveLinkTarget(true)?.FullName ?? clusterDirectory;
        foreach (var proc in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains("postgres", StringComparison.Ordinal) && cmdline.Contains($"-D {resolved}", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return false;
    }

    [Fact]
    public async Task Host_with_embedded_database_is_healthy_then_sigterm_stops_it_and_its_postgres_with_exit_0()
    {
        var host = HostProcess.Start();
        await using var _ = host;
        await host.WaitForHealthAsync(StartTimeout);

        using var health = await host.Http.GetAsync(new Uri("healthz", UriKind.Relative));
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.StartsWith("embedded PostgreSQL", body.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("telephony: database: embedded PostgreSQL", host.Output, StringComparison.Ordinal);
        Assert.True(PostgresRunsFor(Path.Combine(host.DataDirectory, "pg")));

        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.False(PostgresRunsFor(Path.Combine(host.DataDirectory, "pg")), "postgres still runs after the host stopped");
    }

    [Fact]
    public async Task Host_runs_with_the_shipped_gen0_budget_cap_and_prints_its_collector_settings_at_start()
    {
        var host = HostProcess.Start();
        await using var _ = host;
        await host.WaitForHealthAsync(StartTimeout);

        Assert.Contains("telephony: garbage collector: server, ", host.Output, StringComparison.Ordinal);
        Assert.Contains("gen0 budget at most 4 MB per heap", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_restarted_on_same_data_reuses_the_database_also_after_being_killed()
    {
        var data = Directory.CreateTempSubdirectory("telephony-reuse-").FullName;
        await using (var first = HostProcess.Start(dataDirectory: data))
        {
            await first.WaitForHealthAsync(StartTimeout);
            var password = (await File.ReadAllTextAsync(Path.Combine(data, "pg-password"))).Trim();
            var port = int.Parse(first.Output.Split("(127.0.0.1:")[1].Split(')')[0], System.Globalization.CultureInfo.InvariantCulture);
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=telephony;Password={password};Database=telephony");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE kept_between_runs (id int); INSERT INTO kept_between_runs VALUES (42);", connection);
            await command.ExecuteNonQueryAsync();

            // A crash: the host dies without stopping its PostgreSQL, which keeps its postmaster.pid.
            await first.KillAsync();
        }

        Assert.True(File.Exists(Path.Combine(data, "pg", "postmaster.pid")));

        await using var second = HostProcess.Start(dataDirectory: data);
        await second.WaitForHealthAsync(StartTimeout);
        var secondPassword = (await File.ReadAllTextAsync(Path.Combine(data, "pg-password"))).Trim();
        var secondPort = int.Parse(second.Output.Split("(127.0.0.1:")[1].Split(')')[0], System.Globalization.CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={secondPort};Username=telephony;Password={secondPassword};Database=telephony"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id FROM kept_between_runs", connection);
            Assert.Equal(42, await command.ExecuteScalarAsync());
        }

        Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.False(PostgresRunsFor(Path.Combine(data, "pg")));
    }

    [Fact]
    public async Task Host_with_unreachable_database_reports_503_naming_it_then_recovers_when_it_comes_up()
    {
        var server = await PostgresServer.SharedAsync();
        var connection = await server.CreateDatabaseAsync("recover");
        var real = new NpgsqlConnectionStringBuilder(connection);
        await using var gate = new TcpForwarder(FreePort.Tcp(), new IPEndPoint(IPAddress.Loopback, real.Port));
        var viaGate = new NpgsqlConnectionStringBuilder(connection) { Port = gate.Port, Timeout = 3 }.ConnectionString;

        await using var host = HostProcess.Start(viaGate);
        await host.WaitForHealthAsync(StartTimeout, expectedStatus: 503);
        using (var down = await host.Http.GetAsync(new Uri("healthz", UriKind.Relative)))
        {
            var body = JsonDocument.Parse(await down.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(["database"], body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        }

        gate.SwitchOn();

        // Healthy now means the database answers and the host migrated its schema once it could.
        await host.WaitForHealthAsync(StartTimeout);
        await using var check = NpgsqlDataSource.Create(connection);
        await using var command = check.CreateCommand("SELECT count(*) FROM schema_migrations WHERE component = 'host'");
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Theory]
    [InlineData("--sip", "nonsense", "telephony: Telephony:Sip:Listen:0 (--sip): 'nonsense' is not ADDR:PORT")]
    [InlineData("--http", "127.0.0.1", "telephony: Telephony:Http (--http): '127.0.0.1' is not ADDR:PORT")]
    [InlineData("--bogus", "1", "telephony: --bogus: unknown option")]
    public async Task Host_with_malformed_option_exits_2_with_one_line_naming_it(string option, string value, string expectedStart)
    {
        var (exitCode, stderr) = await HostProcess.RunToExitAsync([option, value], TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_endpoint_serves_prometheus_text_with_process_and_http_series()
    {
        var server = await PostgresServer.SharedAsync();
        await using var host = HostProcess.Start(await server.CreateDatabaseAsync("metrics"));
        await host.WaitForHealthAsync(StartTimeout);

        var text = await host.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("process_cpu_seconds_total", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_count{code=\"200\",method=\"GET\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var server = await PostgresServer.SharedAsync();
        await using var host = HostProcess.Start(await server.CreateDatabaseAsync("openapi"));
        await host.WaitForHealthAsync(StartTimeout);

        var document = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative))).RootElement;

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}
