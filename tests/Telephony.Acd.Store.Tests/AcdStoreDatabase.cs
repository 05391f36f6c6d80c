using Npgsql;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests;

/// <summary>Shared steps of the store's tests: the ACD schema on the class's database, and agents to point rows at.</summary>
internal static class AcdStoreDatabase
{
    public static async Task MigrateAsync(PostgresDatabase database) => await database.MigrateAsync(AcdStoreSchema.Migrations);

    public static async Task AddAgentsAsync(NpgsqlDataSource dataSource, IEnumerable<string> agentIds)
    {
        foreach (var id in agentIds)
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO acd_agents (id, extension, name) VALUES ($1, $1, $1) ON CONFLICT DO NOTHING");
            command.Parameters.Add(new() { Value = id });
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
