using Microsoft.Extensions.Time.Testing;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Store.Holidays;
using Telephony.TestKit.Postgres;

namespace Telephony.Ivr.Store.Tests.Holidays;

public sealed class HolidayCalendarStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly HolidayCalendarStore _store = new(database.DataSource, new FakeTimeProvider());

    public async Task InitializeAsync() => await database.MigrateAsync(IvrStoreSchema.Migrations);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeded_calendar_is_kept_and_an_edit_replaces_it()
    {
        var shipped = PublicHolidays.Azerbaijan();
        Assert.True(await _store.AddIfMissingAsync(shipped, "seed", default));
        var edited = shipped with
        {
            Holidays = [.. shipped.Holidays, new Holiday { From = new DateOnly(2027, 12, 30), Name = new Dictionary<Language, string> { [Language.En] = "Extra day" } }],
        };

        await _store.SaveAsync(edited, "admin", default);
        var seededAgain = await _store.AddIfMissingAsync(shipped, "seed", default);
        var stored = await _store.GetAsync(PublicHolidays.AzerbaijanId, default);
        var all = await _store.GetAllAsync(default);

        Assert.False(seededAgain);
        Assert.Equal(shipped.Holidays.Count + 1, stored!.Holidays.Count);
        Assert.Equal("Extra day", stored.Holidays[^1].Name[Language.En]);
        Assert.Equal([PublicHolidays.AzerbaijanId], all.Keys);
        Assert.Null(await _store.GetAsync("nowhere", default));
    }
}
