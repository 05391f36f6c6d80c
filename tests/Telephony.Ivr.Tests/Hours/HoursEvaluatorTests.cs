using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Hours;

public sealed class HoursEvaluatorTests
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);

    private static readonly WeeklyHours WorkingWeek = new()
    {
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Open = new TimeOnly(9, 0),
        Close = new TimeOnly(18, 0),
    };

    private static readonly HolidayCalendar Novruz = new()
    {
        Id = "test",
        Holidays =
        [
            new Holiday
            {
                From = new DateOnly(2026, 3, 20),
                To = new DateOnly(2026, 3, 24),
                Name = new Dictionary<Language, string> { [Language.Az] = "Novruz bayramı", [Language.En] = "Novruz holiday" },
            },
        ],
    };

    private static readonly Closure Maintenance = new()
    {
        From = new DateTimeOffset(2026, 11, 25, 10, 0, 0, Baku),
        To = new DateTimeOffset(2026, 11, 25, 12, 0, 0, Baku),
        Name = new Dictionary<Language, string> { [Language.En] = "Maintenance" },
    };

    private static HoursEvaluator Evaluator(string timeZone = "Asia/Baku", params Closure[] closures) => new(
        new HoursSchedule { TimeZone = timeZone, Weekly = [WorkingWeek], HolidayCalendars = ["test"], Closures = closures },
        new Dictionary<string, HolidayCalendar> { ["test"] = Novruz });

    [Theory]
    [InlineData(8, 59, 59, HoursState.Closed)]
    [InlineData(9, 0, 0, HoursState.Open)]
    [InlineData(17, 59, 59, HoursState.Open)]
    [InlineData(18, 0, 0, HoursState.Closed)]
    public void Evaluate_monday_around_opening_and_closing_switches_exactly(int hour, int minute, int second, HoursState expected)
    {
        var now = new DateTimeOffset(2026, 11, 23, hour, minute, second, Baku);

        Assert.Equal(expected, Evaluator().Evaluate(now).State);
    }

    [Fact]
    public void Evaluate_at_exactly_1800_local_given_in_utc_is_closed_and_a_second_earlier_open()
    {
        var evaluator = Evaluator();
        var closing = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(HoursState.Closed, evaluator.Evaluate(closing).State);
        Assert.Equal(HoursState.Open, evaluator.Evaluate(closing.AddTicks(-1)).State);
    }

    [Fact]
    public void Evaluate_saturday_noon_is_closed()
    {
        var status = Evaluator().Evaluate(new DateTimeOffset(2026, 11, 28, 12, 0, 0, Baku));

        Assert.Equal(HoursStatus.Closed, status);
    }

    [Fact]
    public void Evaluate_weekday_noon_in_a_holiday_is_holiday_with_its_name()
    {
        var status = Evaluator().Evaluate(new DateTimeOffset(2026, 3, 23, 12, 0, 0, Baku));

        Assert.Equal(HoursState.Holiday, status.State);
        Assert.Equal("Novruz bayramı", status.Name![Language.Az]);
    }

    [Fact]
    public void Evaluate_holiday_starts_at_local_midnight_not_utc_midnight()
    {
        var evaluator = Evaluator();

        // 2026-03-19 20:30 UTC is already 2026-03-20 00:30 in Baku.
        Assert.Equal(HoursState.Holiday, evaluator.Evaluate(new DateTimeOffset(2026, 3, 19, 20, 30, 0, TimeSpan.Zero)).State);
        Assert.Equal(HoursState.Closed, evaluator.Evaluate(new DateTimeOffset(2026, 3, 19, 19, 30, 0, TimeSpan.Zero)).State);
    }

    [Fact]
    public void Evaluate_day_after_last_holiday_day_is_open_again()
    {
        var status = Evaluator().Evaluate(new DateTimeOffset(2026, 3, 25, 12, 0, 0, Baku));

        Assert.Equal(HoursStatus.Open, status);
    }

    [Fact]
    public void Evaluate_inside_a_one_off_closure_is_closed_with_its_name_and_open_at_its_end()
    {
        var evaluator = Evaluator("Asia/Baku", Maintenance);

        var during = evaluator.Evaluate(new DateTimeOffset(2026, 11, 25, 11, 0, 0, Baku));
        var atEnd = evaluator.Evaluate(Maintenance.To);

        Assert.Equal(HoursState.Closed, during.State);
        Assert.Equal("Maintenance", during.Name![Language.En]);
        Assert.Equal(HoursStatus.Open, atEnd);
    }

    [Theory]
    [InlineData(1, HoursState.Closed)]
    [InlineData(7, HoursState.Closed)]
    public void Evaluate_baku_has_no_daylight_saving_so_1400_utc_is_1800_local_all_year(int month, HoursState expected)
    {
        var monday = FirstMonday(2026, month);
        var evaluator = Evaluator();

        Assert.Equal(expected, evaluator.Evaluate(new DateTimeOffset(monday.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero)).State);
        Assert.Equal(HoursState.Open, evaluator.Evaluate(new DateTimeOffset(monday.ToDateTime(new TimeOnly(13, 59)), TimeSpan.Zero)).State);
        Assert.Equal(Baku, evaluator.TimeZone.GetUtcOffset(monday.ToDateTime(TimeOnly.MinValue)));
    }

    [Theory]
    [InlineData(1, HoursState.Open)]
    [InlineData(7, HoursState.Closed)]
    public void Evaluate_berlin_1630_utc_is_1730_in_winter_and_1830_in_summer(int month, HoursState expected)
    {
        var monday = FirstMonday(2026, month);

        var status = Evaluator("Europe/Berlin").Evaluate(new DateTimeOffset(monday.ToDateTime(new TimeOnly(16, 30)), TimeSpan.Zero));

        Assert.Equal(expected, status.State);
    }

    [Fact]
    public void Evaluate_berlin_opening_moves_an_hour_earlier_in_utc_across_the_spring_change()
    {
        var evaluator = Evaluator("Europe/Berlin");

        // Clocks went forward on Sunday 2026-03-29: 07:30 UTC is 08:30 on Friday but 09:30 on Monday.
        Assert.Equal(HoursState.Closed, evaluator.Evaluate(new DateTimeOffset(2026, 3, 27, 7, 30, 0, TimeSpan.Zero)).State);
        Assert.Equal(HoursState.Open, evaluator.Evaluate(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero)).State);
    }

    [Fact]
    public void Evaluate_close_at_0000_means_midnight_at_the_end_of_the_day()
    {
        var evening = new WeeklyHours { Days = [DayOfWeek.Monday], Open = new TimeOnly(22, 0), Close = TimeOnly.MinValue };
        var evaluator = new HoursEvaluator(
            new HoursSchedule { TimeZone = "Asia/Baku", Weekly = [evening] },
            new Dictionary<string, HolidayCalendar>());

        Assert.Equal(HoursState.Open, evaluator.Evaluate(new DateTimeOffset(2026, 11, 23, 23, 59, 59, Baku)).State);
        Assert.Equal(HoursState.Closed, evaluator.Evaluate(new DateTimeOffset(2026, 11, 24, 0, 0, 0, Baku)).State);
        Assert.Equal(HoursState.Closed, evaluator.Evaluate(new DateTimeOffset(2026, 11, 23, 21, 59, 59, Baku)).State);
    }

    [Fact]
    public void Constructor_unknown_calendar_throws()
    {
        var schedule = new HoursSchedule { TimeZone = "Asia/Baku", Weekly = [WorkingWeek], HolidayCalendars = ["missing"] };

        Assert.Throws<KeyNotFoundException>(() => new HoursEvaluator(schedule, new Dictionary<string, HolidayCalendar>()));
    }

    [Fact]
    public void HolidayOn_returns_the_covering_holiday()
    {
        var holiday = Evaluator().HolidayOn(new DateOnly(2026, 3, 24));

        Assert.Equal(new DateOnly(2026, 3, 24), holiday!.LastDay);
        Assert.Null(Evaluator().HolidayOn(new DateOnly(2026, 3, 25)));
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
