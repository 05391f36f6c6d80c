using Dapper;
using Npgsql;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Store.Holidays;

/// <summary>Holiday calendars as editable documents; schedules refer to them by id.</summary>
public sealed class HolidayCalendarStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<HolidayCalendar?> GetAsync(string calendarId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var document = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT document::text FROM ivr_holiday_calendars WHERE calendar_id = @calendarId",
            new { calendarId }, cancellationToken: cancellationToken));
        return document is null ? null : IvrJson.ReadHolidayCalendar(document);
    }

    /// <summary>Every calendar by id: what a tree's schedules may name, and what the hours evaluator needs.</summary>
    public async Task<IReadOnlyDictionary<string, HolidayCalendar>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var documents = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT document::text FROM ivr_holiday_calendars ORDER BY calendar_id", cancellationToken: cancellationToken));
        return documents.Select(IvrJson.ReadHolidayCalendar).ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public async Task SaveAsync(HolidayCalendar calendar, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_holiday_calendars (calendar_id, document, updated_by, updated_at) VALUES (@id, @document::jsonb, @actor, @at)
            ON CONFLICT (calendar_id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new { id = calendar.Id, document = IvrJson.Write(calendar), actor, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Stores the calendar only if none of that id exists yet (seeding); true when it was added.</summary>
    public async Task<bool> AddIfMissingAsync(HolidayCalendar calendar, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_holiday_calendars (calendar_id, document, updated_by, updated_at) VALUES (@id, @document::jsonb, @actor, @at)
            ON CONFLICT (calendar_id) DO NOTHING
            """,
            new { id = calendar.Id, document = IvrJson.Write(calendar), actor, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return added == 1;
    }
}
