using Npgsql;
using Telephony.Host.Database;

namespace Telephony.Host.Health;

/// <summary>Healthy when the database answers a query now and its schema has been brought up to date.</summary>
internal sealed class DatabaseHealthProbe(NpgsqlDataSource dataSource, DatabaseStatus status) : IHealthProbe
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public string Name => "database";

    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(QueryTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {QueryTimeout.TotalSeconds:0} s" : ex.Message;
            return new HealthProbeResult(false, $"{status.Description}: {reason}");
        }

        return status.SchemaReady
            ? new HealthProbeResult(true, status.Description)
            : new HealthProbeResult(false, $"{status.Description}: schema not yet migrated ({status.LastError})");
    }
}
