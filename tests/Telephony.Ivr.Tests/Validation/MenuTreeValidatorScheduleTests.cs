using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Tests.Validation;

public sealed class MenuTreeValidatorScheduleTests
{
    private readonly MenuTree _tree = ValidTree.Tree;

    [Fact]
    public void Validate_unknown_schedule_is_reported()
    {
        var tree = _tree.WithNode("hours", _tree.Node<HoursBranchNode>("hours") with { Schedule = "night" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.UnknownSchedule, "hours"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_opening_not_before_closing_is_reported()
    {
        var tree = _tree.WithSchedule(s => s with
        {
            Weekly = [new WeeklyHours { Days = [DayOfWeek.Monday], Open = new TimeOnly(18, 0), Close = new TimeOnly(9, 0) }],
        });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidHours, "office"), (fault.Kind, fault.ScheduleId));
        Assert.Contains("18:00", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_overlapping_intervals_on_a_day_are_reported()
    {
        var tree = _tree.WithSchedule(s => s with
        {
            Weekly =
            [
                new WeeklyHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday], Open = new TimeOnly(9, 0), Close = new TimeOnly(13, 0) },
                new WeeklyHours { Days = [DayOfWeek.Tuesday], Open = new TimeOnly(12, 30), Close = new TimeOnly(18, 0) },
            ],
        });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.OverlappingHours, fault.Kind);
        Assert.Contains("Tuesday", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_touching_intervals_do_not_overlap()
    {
        var tree = _tree.WithSchedule(s => s with
        {
            Weekly =
            [
                new WeeklyHours { Days = [DayOfWeek.Monday], Open = new TimeOnly(9, 0), Close = new TimeOnly(13, 0) },
                new WeeklyHours { Days = [DayOfWeek.Monday], Open = new TimeOnly(13, 0), Close = new TimeOnly(18, 0) },
            ],
        });

        Assert.Empty(ValidTree.Validate(tree));
    }

    [Fact]
    public void Validate_unknown_time_zone_is_reported()
    {
        var tree = _tree.WithSchedule(s => s with { TimeZone = "Asia/Atlantis" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.UnknownTimeZone, "office"), (fault.Kind, fault.ScheduleId));
    }

    [Fact]
    public void Validate_unknown_holiday_calendar_is_reported()
    {
        var tree = _tree.WithSchedule(s => s with { HolidayCalendars = ["mars"] });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.UnknownHolidayCalendar, fault.Kind);
    }

    [Fact]
    public void Validate_closure_ending_before_it_starts_is_an_invalid_date()
    {
        var start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(4));
        var tree = _tree.WithSchedule(s => s with
        {
            Closures = [s.Closures[0] with { From = start, To = start.AddHours(-1) }],
        });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.InvalidDate, fault.Kind);
    }

    [Theory]
    [InlineData(2026, 3, 24, 2026, 3, 20)]
    [InlineData(226, 3, 20, 226, 3, 24)]
    public void Validate_holiday_ending_before_start_or_in_an_implausible_year_is_an_invalid_date(int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay)
    {
        var holiday = ValidTree.Calendar.Holidays[0] with { From = new DateOnly(fromYear, fromMonth, fromDay), To = new DateOnly(toYear, toMonth, toDay) };
        var context = ValidTree.Context with
        {
            HolidayCalendars = new Dictionary<string, HolidayCalendar> { ["test"] = ValidTree.Calendar with { Holidays = [holiday] } },
        };

        var fault = Assert.Single(ValidTree.Validate(_tree, context));

        Assert.Equal((FaultKind.InvalidDate, "office"), (fault.Kind, fault.ScheduleId));
    }

    [Fact]
    public void Validate_holiday_without_a_name_in_an_enabled_language_is_reported()
    {
        var holiday = ValidTree.Calendar.Holidays[0] with { Name = new Dictionary<Language, string> { [Language.Az] = "Novruz bayramı" } };
        var context = ValidTree.Context with
        {
            HolidayCalendars = new Dictionary<string, HolidayCalendar> { ["test"] = ValidTree.Calendar with { Holidays = [holiday] } },
        };

        var fault = Assert.Single(ValidTree.Validate(_tree, context));

        Assert.Equal((FaultKind.MissingName, Language.Ru), (fault.Kind, fault.Language));
    }
}
