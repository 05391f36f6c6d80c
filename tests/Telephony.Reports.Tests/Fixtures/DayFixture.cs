namespace Telephony.Reports.Tests.Fixtures;

/// <summary>
/// Monday 2026-11-23 in Asia/Baku (UTC+4), one call of each edge case, plus a call on the next day that the day must not count.
/// Service-level target 20 s, short-abandon threshold 5 s.
/// </summary>
public static class DayFixture
{
    public static readonly TimeZoneInfo Baku = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");
    public static readonly DateOnly Day = new(2026, 11, 23);
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan ShortAbandon = TimeSpan.FromSeconds(5);

    /// <summary>Local Baku time on the fixture day.</summary>
    public static DateTimeOffset At(int hour, int minute, int second = 0, int dayOffset = 0) =>
        new DateTimeOffset(Day.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(4)).ToUniversalTime();

    public static readonly FixtureCall AnsweredAtTarget = new(At(9, 5), "answered", "transfers", "az", "transfers", "1001",
        WaitMs: 20_000, TalkMs: 120_000, WrapUpMs: 30_000, Answered: true, Survey: 5);

    public static readonly FixtureCall AnsweredLate = new(At(9, 12), "answered", "transfers", "ru", "transfers", "1002",
        WaitMs: 21_000, TalkMs: 60_000, WrapUpMs: 10_000, Answered: true, Survey: 3);

    public static readonly FixtureCall ShortAbandon1 = new(At(9, 40), "abandoned", "transfers", "az", "transfers", WaitMs: 3_000);

    public static readonly FixtureCall Abandoned = new(At(10, 1), "abandoned", "pensions", "en", "pensions", WaitMs: 40_000);

    public static readonly FixtureCall CallbackRequested = new(At(10, 20), "callback-requested", "pensions", "az", "pensions",
        WaitMs: 50_000, CallbackRequested: true, CallbackMade: true);

    public static readonly FixtureCall TheCallback = new(At(11, 0), "answered", "pensions", "az", "pensions", "1001",
        WaitMs: 0, TalkMs: 90_000, WrapUpMs: 15_000, Answered: true, IsCallback: true);

    public static readonly FixtureCall IvrOnly = new(At(11, 30), "ivr-abandoned", Language: "az", IvrExitNode: "topic-menu");

    public static readonly FixtureCall IvrOnlyAgain = new(At(14, 2), "ivr-abandoned", IvrExitNode: "language-menu");

    public static readonly FixtureCall AfterHours = new(At(20, 15), "after-hours", IvrExitNode: "greeting");

    public static readonly FixtureCall AcrossMidnight = new(At(23, 55), "answered", "transfers", "az", "transfers", "1002",
        WaitMs: 10_000, TalkMs: 900_000, WrapUpMs: 20_000, Answered: true, Survey: 4, Duration: TimeSpan.FromMinutes(16));

    public static readonly FixtureCall NextDay = new(At(9, 0, dayOffset: 1), "answered", "transfers", "az", "transfers", "1001",
        WaitMs: 5_000, TalkMs: 60_000, WrapUpMs: 5_000, Answered: true);

    public static IReadOnlyList<FixtureCall> Calls { get; } =
        [AnsweredAtTarget, AnsweredLate, ShortAbandon1, Abandoned, CallbackRequested, TheCallback, IvrOnly, IvrOnlyAgain, AfterHours, AcrossMidnight, NextDay];

    /// <summary>The calls that belong to the fixture day: those that started on it, local time.</summary>
    public static IEnumerable<FixtureCall> OnDay => Calls.Where(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.StartedAt, Baku).DateTime) == Day);
}
