namespace Telephony.Ivr.Hours;

/// <summary>
/// Answers "is the line open now?" for one schedule. Build it once per published tree and share it: it keeps no state
/// and takes the instant as an argument, so callers pass <c>TimeProvider.GetUtcNow()</c>.
/// Precedence: a one-off closure, then a holiday on the local date, then the weekly hours.
/// </summary>
public sealed class HoursEvaluator
{
    private readonly TimeZoneInfo _timeZone;
    private readonly IReadOnlyList<WeeklyHours> _weekly;
    private readonly IReadOnlyList<Closure> _closures;
    private readonly Holiday[] _holidays;

    /// <exception cref="TimeZoneNotFoundException">The schedule's time zone id is unknown on this machine.</exception>
    /// <exception cref="KeyNotFoundException">The schedule names a holiday calendar that is not given.</exception>
    public HoursEvaluator(HoursSchedule schedule, IReadOnlyDictionary<string, HolidayCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendars);
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        _weekly = schedule.Weekly;
        _closures = schedule.Closures;
        _holidays = [.. schedule.HolidayCalendars.SelectMany(id => calendars.TryGetValue(id, out var calendar)
            ? calendar.Holidays
            : throw new KeyNotFoundException($"Holiday calendar '{id}' is not known."))];
    }

    public TimeZoneInfo TimeZone => _timeZone;

    public HoursStatus Evaluate(DateTimeOffset now)
    {
        foreach (var closure in _closures)
        {
            if (now >= closure.From && now < closure.To)
            {
                return new HoursStatus(HoursState.Closed, closure.Name);
            }
        }

        var local = TimeZoneInfo.ConvertTime(now, _timeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        foreach (var holiday in _holidays)
        {
            if (holiday.Covers(date))
            {
                return new HoursStatus(HoursState.Holiday, holiday.Name);
            }
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var hours in _weekly)
        {
            if (hours.Days.Contains(local.DayOfWeek) && hours.Covers(time))
            {
                return HoursStatus.Open;
            }
        }

        return HoursStatus.Closed;
    }

    /// <summary>The holiday covering a local date, if any; for prompts such as "closed for Novruz until 27 March".</summary>
    public Holiday? HolidayOn(DateOnly localDate) => Array.Find(_holidays, h => h.Covers(localDate));
}
