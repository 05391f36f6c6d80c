using Npgsql;
using Telephony.Host.Database;

namespace Telephony.Host.Tests.Database;

public sealed class ConnectionPoolDefaultTests
{
    [Fact]
    public void Connection_string_without_a_pool_size_gets_the_hosts_default_below_postgresqls_connection_limit()
    {
        var applied = new NpgsqlConnectionStringBuilder(HostDatabase.WithPoolDefault("Host=db.example;Port=5432;Username=tel;Database=telephony"));

        Assert.Equal(HostDatabase.DefaultMaxPoolSize, applied.MaxPoolSize);
        Assert.True(applied.MaxPoolSize < 97, "PostgreSQL admits 100 connections by default, 3 of them kept for superusers");
        Assert.Equal("db.example", applied.Host);
        Assert.Equal("telephony", applied.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=150", 150)]
    [InlineData("Host=db;MaxPoolSize=60", 60)]
    [InlineData("host=db;maximum pool size=100", 100)]
    public void Pool_size_the_operator_gave_is_kept_whatever_its_spelling(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(HostDatabase.WithPoolDefault(connectionString)).MaxPoolSize);
    }
}
