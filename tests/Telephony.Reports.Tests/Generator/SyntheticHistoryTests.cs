using Telephony.Reports.Generator;
using Telephony.Reports.Tests.Fixtures;

namespace Telephony.Reports.Tests.Generator;

public sealed class SyntheticHistoryTests
{
    private static readonly List<SyntheticCall> Calls = new SyntheticHistory(2025, 20_000, 7, DayFixture.Baku).Calls().ToList();

    [Fact]
    public void Calls_count_is_exactly_the_requested_number_in_start_order()
    {
        Assert.Equal(20_000, Calls.Count);
        Assert.True(Calls.Zip(Calls.Skip(1)).All(p => p.First.StartedAt <= p.Second.StartedAt));
        Assert.All(Calls, c => Assert.Equal(2025, TimeZoneInfo.ConvertTime(c.StartedAt, DayFixture.Baku).Year));
    }

    [Fact]
    public void Calls_languages_split_about_60_30_10()
    {
        var chosen = Calls.Where(c => c.Language is not null).ToList();
        double Share(string language) => (double)chosen.Count(c => c.Language == language) / chosen.Count;

        Assert.InRange(Share("az"), 0.57, 0.63);
        Assert.InRange(Share("ru"), 0.27, 0.33);
        Assert.InRange(Share("en"), 0.08, 0.12);
    }

    [Fact]
    public void Calls_cluster_in_weekday_office_hours_and_include_each_outcome()
    {
        var local = Calls.Select(c => TimeZoneInfo.ConvertTime(c.StartedAt, DayFixture.Baku)).ToList();
        var officeHours = local.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 9 and < 18);

        Assert.InRange((double)officeHours / Calls.Count, 0.75, 0.95);
        Assert.Subset(Calls.Select(c => c.Outcome).ToHashSet(), new HashSet<string> { "answered", "abandoned", "callback-requested", "ivr-abandoned", "after-hours" });
        Assert.Contains(Calls, c => c.ShortAbandon);
        Assert.Contains(Calls, c => c.CallbackMade);
    }
}
