using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telephony.Acd.Store;
using Telephony.Data.Migrations;
using Telephony.TestKit.Postgres;

namespace Telephony.Reports.Tests.Fixtures;

/// <summary>A fresh database per test with the ACD's tables (which reports read) and the reports' own.</summary>
public sealed class ReportsDatabase : IAsyncDisposable
{
    private ReportsDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ReportsDatabase> CreateAsync(string purpose)
    {
        var server = await PostgresServer.SharedAsync();
        var database = new ReportsDatabase(await server.CreateDatabaseAsync(purpose));
        await new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance)
            .ApplyAsync([.. AcdStoreSchema.Migrations, .. ReportsSchema.Migrations], CancellationToken.None);
        return database;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
