using System.Net;
using Microsoft.Extensions.Time.Testing;
using Telephony.Data.Migrations;
using Telephony.Host.Identity;
using Telephony.Host.Sip;
using Telephony.Sip.Registrar;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.Sip;

/// <summary>The shared location service on a real PostgreSQL with the host's migrations.</summary>
public sealed class PostgresRegistrationStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.MigrateAsync(MigrationCatalog.FromAssembly("host", typeof(AccountStore).Assembly));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Saved_binding_comes_back_verbatim_with_source_transport_and_expiry()
    {
        var store = new PostgresRegistrationStore(database.DataSource, _time);
        var aor = Aor();
        var binding = Binding(aor, "sip:agent1-0x5579a1b2c3d0@127.0.0.1:5074;transport=udp;ob", 600) with
        {
            Source = new IPEndPoint(IPAddress.Parse("2001:db8::7"), 5074),
            Q = 0.7,
            UserAgent = "baresip v3",
            HostId = "host-a",
        };

        await store.SaveAsync(binding, CancellationToken.None);

        Assert.Equal(binding, Assert.Single(await store.FindContactsAsync(aor, CancellationToken.None)));
    }

    [Fact]
    public async Task Saving_the_same_contact_refreshes_it_and_another_contact_adds_a_binding()
    {
        var store = new PostgresRegistrationStore(database.DataSource, _time);
        var aor = Aor();
        await store.SaveAsync(Binding(aor, "sip:a@192.0.2.1", 60), CancellationToken.None);

        await store.SaveAsync(Binding(aor, "sip:a@192.0.2.1", 3600) with { CSeq = 9 }, CancellationToken.None);
        await store.SaveAsync(Binding(aor, "sip:b@192.0.2.2", 60), CancellationToken.None);

        var bindings = await store.FindContactsAsync(aor, CancellationToken.None);
        Assert.Equal(["sip:a@192.0.2.1", "sip:b@192.0.2.2"], bindings.Select(b => b.ContactUri).Order(StringComparer.Ordinal));
        Assert.Equal(9, bindings.Single(b => b.ContactUri == "sip:a@192.0.2.1").CSeq);
    }

    [Fact]
    public async Task Lapsed_bindings_are_not_returned_and_are_swept()
    {
        var store = new PostgresRegistrationStore(database.DataSource, _time);
        var aor = Aor();
        await store.SaveAsync(Binding(aor, "sip:a@192.0.2.1", 60), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Empty(await store.FindContactsAsync(aor, CancellationToken.None));
        Assert.True(await store.DeleteLapsedAsync(CancellationToken.None) >= 1);
    }

    [Fact]
    public async Task Remove_takes_one_contact_and_remove_all_takes_the_rest()
    {
        var store = new PostgresRegistrationStore(database.DataSource, _time);
        var aor = Aor();
        await store.SaveAsync(Binding(aor, "sip:a@192.0.2.1", 60), CancellationToken.None);
        await store.SaveAsync(Binding(aor, "sip:b@192.0.2.2", 60), CancellationToken.None);
        await store.SaveAsync(Binding(aor, "sip:c@192.0.2.3", 60), CancellationToken.None);

        await store.RemoveAsync(aor, "sip:b@192.0.2.2", CancellationToken.None);
        Assert.Equal(2, (await store.FindContactsAsync(aor, CancellationToken.None)).Count);
        await store.RemoveAllAsync(aor, CancellationToken.None);

        Assert.Empty(await store.FindContactsAsync(aor, CancellationToken.None));
    }

    private static string Aor() => "u" + Guid.NewGuid().ToString("N")[..8];

    private SipBinding Binding(string aor, string contact, int seconds) => new(
        aor, contact, new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5062), "UDP", _time.GetUtcNow().AddSeconds(seconds), null, "call-1", 1, null, null);
}
