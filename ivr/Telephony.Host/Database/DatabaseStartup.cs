using Telephony.Data.Migrations;

namespace Telephony.Host.Database;

/// <summary>
/// Brings the schema up to date as soon as the database answers, retrying for as long as it does not:
/// the host serves (and reports 503 on /healthz) meanwhile instead of refusing to start.
/// </summary>
internal sealed class DatabaseStartup(
    MigrationRunner runner,
    IEnumerable<IReadOnlyList<Migration>> migrationSets,
    DatabaseStatus status,
    TimeProvider time,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var migrations = migrationSets.SelectMany(set => set).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await runner.ApplyAsync(migrations, stoppingToken);
                status.MarkReady();
                HostLog.DatabaseReady(logger, applied);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                status.MarkFailed(ex.Message);
                HostLog.DatabaseNotReady(logger, ex.Message, (int)RetryDelay.TotalSeconds);
            }

            try
            {
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
