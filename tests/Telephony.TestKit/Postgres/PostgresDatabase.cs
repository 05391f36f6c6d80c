using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telephony.Data.Migrations;
using Xunit;

namespace Telephony.TestKit.Postgres;

/// <summary>A class fixture: an empty database of the test class's own on the run's PostgreSQL server.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync(GetType().Name + Guid.NewGuid().ToString("N")[..6]);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>Applies a component's migrations to this database, as the host does at start.</summary>
    public Task<int> MigrateAsync(IReadOnlyList<Migration> migrations) =>
        new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(migrations, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
