using Npgsql;
using Telephony.Host.Configuration;

namespace Telephony.Host.Database;

/// <summary>The database the host runs on: an external server given by --db, or the embedded cluster it starts itself.</summary>
internal sealed class HostDatabase : IAsyncDisposable
{
    private HostDatabase(string connectionString, string description, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        Description = description;
        Embedded = embedded;
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public EmbeddedPostgres? Embedded { get; }

    public static async Task<HostDatabase> OpenAsync(TelephonyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConnectionString is { } external)
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            return new HostDatabase(external, $"external PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}", null);
        }

        Directory.CreateDirectory(options.DataDirectory);
        var embedded = await EmbeddedPostgres.StartAsync(options.EmbeddedDatabaseDirectory, options.DataDirectory, cancellationToken);
        try
        {
            await EnsureDatabaseAsync(embedded, "telephony", cancellationToken);
        }
        catch
        {
            await embedded.StopAsync();
            throw;
        }

        return new HostDatabase(
            embedded.ConnectionString("telephony"),
            $"embedded PostgreSQL {embedded.Version} at {options.EmbeddedDatabaseDirectory} (127.0.0.1:{embedded.Port})",
            embedded);
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
        {
            await Embedded.StopAsync();
        }
    }

    private static async Task EnsureDatabaseAsync(EmbeddedPostgres server, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new() { Value = name });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
