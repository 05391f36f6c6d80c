using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

public sealed partial class MenuTreeValidator
{
    /// <summary>Dates outside these years are typing mistakes ("0226" for "2026"), not plans.</summary>
    private const int FirstPlausibleYear = 2000;
    private const int LastPlausibleYear = 2100;

    private void CheckSchedules(MenuTree tree, IReadOnlyList<Language> languages, List<ValidationFault> faults)
    {
        foreach (var (id, schedule) in tree.Schedules.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            void Fault(FaultKind kind, string message) => faults.Add(new ValidationFault(kind, null, null, message) { ScheduleId = id });

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
            {
                Fault(FaultKind.UnknownTimeZone, $"Time zone '{schedule.TimeZone}' is not a known IANA time zone id.");
            }

            CheckWeeklyHours(schedule, Fault);

            foreach (var calendarId in schedule.HolidayCalendars)
            {
                if (_context.HolidayCalendars.TryGetValue(calendarId, out var calendar))
                {
                    CheckHolidays(calendar, id, languages, faults);
                }
                else
                {
                    Fault(FaultKind.UnknownHolidayCalendar, $"Holiday calendar '{calendarId}' is not known.");
                }
            }

            foreach (var closure in schedule.Closures)
            {
                if (closure.To <= closure.From)
                {
                    Fault(FaultKind.InvalidDate, $"Closure from {closure.From:O} ends at {closure.To:O}, not after it starts.");
                }
                else if (!IsPlausible(DateOnly.FromDateTime(closure.From.UtcDateTime)) || !IsPlausible(DateOnly.FromDateTime(closure.To.UtcDateTime)))
                {
                    Fault(FaultKind.InvalidDate, $"Closure from {closure.From:O} to {closure.To:O} lies outside {FirstPlausibleYear}–{LastPlausibleYear}.");
                }

                CheckNames(closure.Name, $"Closure from {closure.From:O}", id, languages, faults);
            }
        }
    }

    private static void CheckWeeklyHours(HoursSchedule schedule, Action<FaultKind, string> fault)
    {
        var intervalsByDay = new Dictionary<DayOfWeek, List<WeeklyHours>>();
        foreach (var hours in schedule.Weekly)
        {
            if (hours.Days.Count == 0)
            {
                fault(FaultKind.InvalidHours, $"Opening hours {hours.Open:HH\\:mm}–{hours.Close:HH\\:mm} apply to no day.");
            }

            if (hours.Open.ToTimeSpan() >= hours.CloseOffset)
            {
                fault(FaultKind.InvalidHours, $"Opening time {hours.Open:HH\\:mm} is not before closing time {hours.Close:HH\\:mm}.");
                continue;
            }

            foreach (var day in hours.Days.Distinct())
            {
                if (!intervalsByDay.TryGetValue(day, out var list))
                {
                    intervalsByDay[day] = list = [];
                }

                list.Add(hours);
            }
        }

        foreach (var (day, list) in intervalsByDay.OrderBy(d => d.Key))
        {
            var sorted = list.OrderBy(h => h.Open).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].Open.ToTimeSpan() < sorted[i - 1].CloseOffset)
                {
                    fault(FaultKind.OverlappingHours,
                        $"On {day} the intervals {sorted[i - 1].Open:HH\\:mm}–{sorted[i - 1].Close:HH\\:mm} and {sorted[i].Open:HH\\:mm}–{sorted[i].Close:HH\\:mm} overlap.");
                }
            }
        }
    }

    private static void CheckHolidays(HolidayCalendar calendar, string scheduleId, IReadOnlyList<Language> languages, List<ValidationFault> faults)
    {
        foreach (var holiday in calendar.Holidays)
        {
            var what = $"Holiday {holiday.From:yyyy-MM-dd} in calendar '{calendar.Id}'";
            if (holiday.LastDay < holiday.From)
            {
                faults.Add(new ValidationFault(FaultKind.InvalidDate, null, null, $"{what} ends on {holiday.LastDay:yyyy-MM-dd}, before it starts.") { ScheduleId = scheduleId });
            }
            else if (!IsPlausible(holiday.From) || !IsPlausible(holiday.LastDay))
            {
                faults.Add(new ValidationFault(FaultKind.InvalidDate, null, null, $"{what} lies outside {FirstPlausibleYear}–{LastPlausibleYear}.") { ScheduleId = scheduleId });
            }

            CheckNames(holiday.Name, what, scheduleId, languages, faults);
        }
    }

    private static bool IsPlausible(DateOnly date) => date.Year is >= FirstPlausibleYear and <= LastPlausibleYear;
}
