using Npgsql;
using Telephony.Host.Configuration;

namespace Telephony.Host.Database;

/// <summary>The database the host runs on: an external server given by --db, or the embedded cluster it starts itself.</summary>
internal sealed class HostDatabase : IAsyncDisposable
{
    /// <summary>
    /// The most connections one host keeps open unless its connection string says otherwise (<c>Maximum Pool Size</c>).
    /// Npgsql's own default, 100, is PostgreSQL's default <c>max_connections</c>: under a burst of calls the pool grew
    /// past what the server admits, and every refused connection still cost a server process and a SCRAM exchange
    /// (at 600 new calls a second that churn took as much CPU as the host). Queries here are short, so a call waits a
    /// moment for a pooled connection instead; several hosts on one server fit in its default limit.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    private HostDatabase(string connectionString, string description, EmbeddedPostgres? embedded)
    {
        ConnectionString = WithPoolDefault(connectionString);
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

    /// <summary>The connection string with <see cref="DefaultMaxPoolSize"/> where it names no pool size of its own.</summary>
    public static string WithPoolDefault(string connectionString)
    {
        // The builder's own string lists only the keys that were given, under their canonical names.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ConnectionString.Contains("Maximum Pool Size=", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
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
