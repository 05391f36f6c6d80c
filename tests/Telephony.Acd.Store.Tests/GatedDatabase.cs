using System.Net;
using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Network;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests;

/// <summary>
/// The class's database behind a gate that starts closed: <see cref="DataSource"/> goes through it and gives up after
/// 3 s, so a writer sees the database away until the test calls <see cref="TcpForwarder.SwitchOn"/> on <see cref="Gate"/>.
/// </summary>
internal sealed class GatedDatabase : IAsyncDisposable
{
    public GatedDatabase(PostgresDatabase database)
    {
        var real = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Gate = new TcpForwarder(FreePort.Tcp(), new IPEndPoint(IPAddress.Loopback, real.Port));
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = Gate.Port, Timeout = 3,
        }.ConnectionString);
    }

    public TcpForwarder Gate { get; }

    public NpgsqlDataSource DataSource { get; }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Gate.DisposeAsync();
    }
}
