using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telephony.Data.Migrations;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.Database;

public sealed class MigrationRunnerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private MigrationRunner Runner => new(database.DataSource, NullLogger<MigrationRunner>.Instance);

    private async Task<long> CountAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ApplyAsync_applies_in_version_order_then_second_run_is_a_no_op()
    {
        Migration[] migrations =
        [
            new("order", 1, "create_a", "CREATE TABLE order_a (id int PRIMARY KEY)"),
            new("order", 2, "create_b", "CREATE TABLE order_b (a int REFERENCES order_a (id))"),
        ];

        var first = await Runner.ApplyAsync(migrations, CancellationToken.None);
        var second = await Runner.ApplyAsync(migrations, CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM schema_migrations WHERE component = 'order'"));
    }

    [Fact]
    public async Task ApplyAsync_migration_edited_after_applying_is_refused()
    {
        await Runner.ApplyAsync([new Migration("edited", 1, "create", "CREATE TABLE edited_t (id int)")], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner.ApplyAsync([new Migration("edited", 1, "create", "CREATE TABLE edited_t (id bigint)")], CancellationToken.None));

        Assert.Contains("edited 0001_create was changed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_failing_migration_leaves_nothing_half_applied()
    {
        Migration[] migrations =
        [
            new("broken", 1, "good", "CREATE TABLE broken_good (id int)"),
            new("broken", 2, "bad", "CREATE TABLE broken_half (id int); SELECT no_such_function();"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => Runner.ApplyAsync(migrations, CancellationToken.None));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM schema_migrations WHERE component = 'broken'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'broken_half'"));
    }

    [Fact]
    public async Task ApplyAsync_two_hosts_at_once_apply_each_migration_exactly_once()
    {
        // A migration that is not idempotent: run twice it would fail on the duplicate key.
        Migration[] migrations =
        [
            new("race", 1, "create", "CREATE TABLE race_t (id int PRIMARY KEY); SELECT pg_sleep(0.3);"),
            new("race", 2, "seed", "INSERT INTO race_t VALUES (1);"),
        ];
        await using var otherSource = NpgsqlDataSource.Create(database.ConnectionString);
        var other = new MigrationRunner(otherSource, NullLogger<MigrationRunner>.Instance);

        var results = await Task.WhenAll(
            Runner.ApplyAsync(migrations, CancellationToken.None),
            other.ApplyAsync(migrations, CancellationToken.None));

        Assert.Equal(2, results.Sum());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM race_t"));
    }

    [Fact]
    public void FromAssembly_reads_numbered_sql_resources_in_version_order_and_skips_others()
    {
        var migrations = MigrationCatalog.FromAssembly("catalog", typeof(MigrationRunnerTests).Assembly);

        Assert.Equal([(1, "first_step"), (2, "second_step")], migrations.Select(m => (m.Version, m.Name)));
        Assert.Equal("CREATE TABLE catalog_first (id int);\n", migrations[0].Sql);
    }
}
