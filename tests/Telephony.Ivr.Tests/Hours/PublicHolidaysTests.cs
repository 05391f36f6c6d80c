using System.Globalization;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Tests.Hours;

public sealed class PublicHolidaysTests
{
    private static readonly HolidayCalendar Azerbaijan = PublicHolidays.Azerbaijan();

    private static readonly HoursEvaluator Office = new(
        new HoursSchedule
        {
            TimeZone = "Asia/Baku",
            Weekly = [new WeeklyHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], Open = new TimeOnly(9, 0), Close = new TimeOnly(18, 0) }],
            HolidayCalendars = [PublicHolidays.AzerbaijanId],
        },
        new Dictionary<string, HolidayCalendar> { [PublicHolidays.AzerbaijanId] = Azerbaijan });

    /// <summary>Hand-checked against the Labour Code art. 105 and the Cabinet's 2026 decision; see the calendar's notes.</summary>
    public static TheoryData<string, string> NonWorkingWeekdays => new()
    {
        { "2026-01-01", "Yeni il bayramı" },
        { "2026-01-02", "Yeni il bayramı" },
        { "2026-01-20", "Ümumxalq Hüzn Günü" },
        { "2026-03-09", "Qadınlar Günü (köçürülmüş istirahət günü)" },
        { "2026-03-20", "Novruz bayramı" },
        { "2026-03-24", "Novruz bayramı" },
        { "2026-03-26", "Novruz bayramı (köçürülmüş istirahət günü)" },
        { "2026-03-27", "Ramazan bayramı (köçürülmüş istirahət günü)" },
        { "2026-03-30", "Ramazan bayramı (köçürülmüş istirahət günü)" },
        { "2026-05-11", "Faşizm üzərində Qələbə Günü (köçürülmüş istirahət günü)" },
        { "2026-05-27", "Qurban bayramı" },
        { "2026-05-29", "Qurban bayramı (köçürülmüş istirahət günü)" },
        { "2026-06-15", "Azərbaycan xalqının Milli Qurtuluş Günü" },
        { "2026-06-26", "Azərbaycan Respublikasının Silahlı Qüvvələri Günü" },
        { "2026-11-09", "Dövlət Bayrağı Günü" },
        { "2026-11-10", "Zəfər Günü (köçürülmüş istirahət günü)" },
        { "2026-12-31", "Dünya Azərbaycanlılarının Həmrəyliyi Günü" },
        { "2027-01-01", "Yeni il bayramı" },
        { "2027-01-04", "Yeni il bayramı (köçürülmüş istirahət günü)" },
        { "2027-03-08", "Qadınlar Günü" },
        { "2027-03-25", "Novruz bayramı (köçürülmüş istirahət günü)" },
        { "2027-05-10", "Faşizm üzərində Qələbə Günü (köçürülmüş istirahət günü)" },
        { "2027-05-28", "Müstəqillik Günü" },
        { "2027-06-28", "Azərbaycan Respublikasının Silahlı Qüvvələri Günü (köçürülmüş istirahət günü)" },
        { "2027-11-08", "Zəfər Günü" },
    };

    /// <summary>Holidays that are working days (18 Oct, 12 Nov, 17 Nov) and ordinary days next to holidays.</summary>
    public static TheoryData<string> WorkingWeekdays => new()
    {
        "2026-01-05", "2026-01-21", "2026-03-31", "2026-05-12", "2026-05-26", "2026-10-19", "2026-11-11", "2026-11-12", "2026-11-17",
        "2027-01-05", "2027-03-29", "2027-10-18", "2027-11-12", "2027-11-17",
    };

    [Theory]
    [MemberData(nameof(NonWorkingWeekdays))]
    public void Azerbaijan_non_working_weekday_noon_is_a_holiday_named(string date, string azName)
    {
        var status = Office.Evaluate(Noon(date));

        Assert.Equal(HoursState.Holiday, status.State);
        Assert.Equal(azName, status.Name![Language.Az]);
    }

    [Theory]
    [MemberData(nameof(WorkingWeekdays))]
    public void Azerbaijan_working_weekday_noon_is_open(string date)
    {
        Assert.Equal(HoursState.Open, Office.Evaluate(Noon(date)).State);
    }

    [Fact]
    public void Azerbaijan_every_holiday_is_named_in_az_ru_en_and_lies_in_2026_or_2027()
    {
        Assert.All(Azerbaijan.Holidays, holiday =>
        {
            Assert.All([Language.Az, Language.Ru, Language.En], l => Assert.False(string.IsNullOrWhiteSpace(holiday.Name[l])));
            Assert.InRange(holiday.From.Year, 2026, 2027);
            Assert.True(holiday.LastDay >= holiday.From);
        });
    }

    [Fact]
    public void Azerbaijan_carried_over_days_fall_on_weekdays()
    {
        var carried = Azerbaijan.Holidays.Where(h => h.Name[Language.En].EndsWith("(day off carried over)", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(carried);
        Assert.All(carried, h => Assert.InRange((int)h.From.DayOfWeek, (int)DayOfWeek.Monday, (int)DayOfWeek.Friday));
    }

    [Fact]
    public void Azerbaijan_religious_days_of_2027_are_marked_provisional_and_2026_are_not()
    {
        var religious = Azerbaijan.Holidays.Where(h => h.Name[Language.Az].StartsWith("Ramazan", StringComparison.Ordinal)
            || h.Name[Language.Az].StartsWith("Qurban", StringComparison.Ordinal)).ToList();

        Assert.All(religious.Where(h => h.From.Year == 2027), h => Assert.True(h.Provisional));
        Assert.All(religious.Where(h => h.From.Year == 2026), h => Assert.False(h.Provisional));
    }

    [Fact]
    public void Azerbaijan_calendar_round_trips_through_json()
    {
        var json = IvrJson.Write(Azerbaijan);

        Assert.Equal(json, IvrJson.Write(IvrJson.ReadHolidayCalendar(json)));
    }

    private static DateTimeOffset Noon(string date) =>
        new(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(4));
}
