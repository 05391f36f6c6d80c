using Microsoft.Extensions.Time.Testing;
using Telephony.Reports.Building;
using Telephony.Reports.Periods;
using Telephony.Reports.Statistics;
using Telephony.Reports.Tests.Fixtures;

namespace Telephony.Reports.Tests.Statistics;

public sealed class IntervalStatisticsBuilderTests
{
    private static readonly ReportsOptions Options = new()
    {
        ServiceLevelTarget = DayFixture.Target,
        ShortAbandonThreshold = DayFixture.ShortAbandon,
    };

    private static readonly ReportPeriod Day = ReportPeriod.For(ReportKind.Daily, DayFixture.Day);

    [Fact]
    public async Task Rebuild_fixture_day_matches_hand_computed_figures()
    {
        await using var database = await SeededAsync();
        var figures = await ReadDayAsync(database);

        // By hand: offered excludes the IVR-only calls and the callback we dialled; the call across midnight counts.
        Assert.Equal(6, figures.Summary.Offered);
        Assert.Equal(3, figures.Summary.Answered);
        Assert.Equal(2, figures.Summary.AnsweredWithinTarget); // 20 s exactly counts as within; 21 s does not.
        Assert.Equal(1, figures.Summary.Abandoned);
        Assert.Equal(1, figures.Summary.ShortAbandoned);
        Assert.Equal(40.0, figures.Summary.ServiceLevelPercent); // 2 / (6 − 1)
        Assert.Equal(17.0, figures.Summary.AverageSpeedOfAnswerSeconds); // (20 + 21 + 10) / 3
        Assert.Equal(360.0, figures.Summary.AverageTalkSeconds); // (120 + 60 + 900) / 3
        Assert.Equal(20.0, figures.Summary.AverageWrapUpSeconds); // (30 + 10 + 20) / 3
        Assert.Equal(380.0, figures.Summary.AverageHandleSeconds);
        Assert.Equal(50.0, figures.Summary.LongestWaitSeconds);
        Assert.Equal(1, figures.Summary.CallbacksRequested);
        Assert.Equal(1, figures.Summary.CallbacksMade);
        Assert.Equal(4.0, figures.Summary.SurveyAverage);
        Assert.Equal(3, figures.Summary.SurveyCount);
    }

    [Fact]
    public async Task Rebuild_fixture_day_matches_linq_over_the_rows_per_dimension()
    {
        await using var database = await SeededAsync();
        var report = await ReadDayAsync(database);
        var onDay = DayFixture.OnDay.ToList();

        Assert.Equal(Expected(onDay), report.Summary with { LoggedInMs = 0, BusyMs = 0 });
        AssertTable(report, "By queue", onDay.Where(c => c.Queue is not null).GroupBy(c => c.Queue!));
        AssertTable(report, "By language", onDay.GroupBy(c => c.Language ?? string.Empty));
        AssertTable(report, "By topic", onDay.GroupBy(c => c.Topic ?? string.Empty));
        AssertTable(report, "By hour", onDay.GroupBy(c => TimeZoneInfo.ConvertTime(c.StartedAt, DayFixture.Baku).ToString("HH:00", System.Globalization.CultureInfo.InvariantCulture)));

        var nodes = Table(report, "IVR drop-off");
        Assert.Equal(["language-menu", "topic-menu"], nodes.Rows.Select(r => r.Key));
        Assert.All(nodes.Rows, r => Assert.Equal(1, r.Figures.IvrDropped));
    }

    [Fact]
    public async Task Rebuild_twice_leaves_the_same_rows()
    {
        await using var database = await SeededAsync();
        var builder = Builder(database);
        var before = await database.ScalarAsync("SELECT count(*) FROM report_interval_stats");
        var (from, to) = Day.ToUtc(DayFixture.Baku);
        await builder.RebuildAsync(from, to, CancellationToken.None);

        Assert.True(before > 0);
        Assert.Equal(before, await database.ScalarAsync("SELECT count(*) FROM report_interval_stats"));
        Assert.Equal(6, (await ReadDayAsync(database)).Summary.Offered);
    }

    [Fact]
    public async Task RebuildBucket_after_a_call_ends_counts_it()
    {
        await using var database = await SeededAsync();
        var late = new FixtureCall(DayFixture.At(16, 7), "answered", "transfers", "en", "transfers", "1001",
            WaitMs: 4_000, TalkMs: 30_000, WrapUpMs: 3_000, Answered: true);
        await FixtureDatabase.InsertCallsAsync(database.DataSource, [late]);

        await Builder(database).RebuildBucketAsync(late.StartedAt, CancellationToken.None);

        var report = await ReadDayAsync(database);
        Assert.Equal(7, report.Summary.Offered);
        Assert.Equal(4, report.Summary.Answered);
        Assert.Equal(Expected([.. DayFixture.OnDay, late]), report.Summary with { LoggedInMs = 0, BusyMs = 0 });
    }

    [Fact]
    public async Task Rebuild_agent_log_gives_occupancy_of_talk_and_wrap_up_over_logged_in_time()
    {
        await using var database = await SeededAsync();
        // Logged in 09:00–10:00; on a call 09:10–09:20, wrap-up 09:20–09:25, idle after: 15 of 60 minutes busy.
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(9, 0), "status", "available");
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(9, 0), "state", "idle");
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(9, 10), "state", "onCall");
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(9, 20), "state", "wrapUp");
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(9, 25), "state", "idle");
        await FixtureDatabase.InsertAgentLogAsync(database.DataSource, "1003", DayFixture.At(10, 0), "status", "loggedOut");
        var (from, to) = Day.ToUtc(DayFixture.Baku);
        await Builder(database).RebuildAsync(from, to, CancellationToken.None);

        var agent = Table(await ReadDayAsync(database), "By agent").Rows.Single(r => r.Key == "1003").Figures;

        Assert.Equal(3_600_000, agent.LoggedInMs);
        Assert.Equal(900_000, agent.BusyMs);
        Assert.Equal(25.0, agent.OccupancyPercent);
        Assert.Equal(4, await database.ScalarAsync(
            "SELECT count(*) FROM report_interval_stats WHERE dimension = 'agent' AND key = '1003' AND logged_in_ms = 900000"));
    }

    private static ReportFigures Expected(IEnumerable<FixtureCall> calls) => ExpectedFigures.Of(calls, DayFixture.Target, DayFixture.ShortAbandon);

    private static void AssertTable(ReportData report, string name, IEnumerable<IGrouping<string, FixtureCall>> groups)
    {
        var expected = groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReportRow(g.Key, Expected(g))).ToList();
        Assert.Equal(expected, Table(report, name).Rows.Select(r => r with { Figures = r.Figures with { LoggedInMs = 0, BusyMs = 0 } }));
    }

    private static ReportTable Table(ReportData report, string name) => report.Tables.Single(t => t.Name == name);

    private static IntervalStatisticsBuilder Builder(ReportsDatabase database) =>
        new(database.DataSource, Options, new FakeTimeProvider(DayFixture.At(12, 0, dayOffset: 2)));

    private static Task<ReportData> ReadDayAsync(ReportsDatabase database) =>
        new ReportQuery(database.DataSource, Options, new FakeTimeProvider(DayFixture.At(12, 0, dayOffset: 2)))
            .ReadAsync(Day, "test", CancellationToken.None);

    private static async Task<ReportsDatabase> SeededAsync()
    {
        var database = await ReportsDatabase.CreateAsync(nameof(IntervalStatisticsBuilderTests));
        await FixtureDatabase.InsertAgentsAsync(database.DataSource, "1001", "1002", "1003");
        await FixtureDatabase.InsertCallsAsync(database.DataSource, DayFixture.Calls);
        var (from, to) = Day.ToUtc(DayFixture.Baku);
        await Builder(database).RebuildAsync(from, to.AddDays(1), CancellationToken.None);
        return database;
    }
}
