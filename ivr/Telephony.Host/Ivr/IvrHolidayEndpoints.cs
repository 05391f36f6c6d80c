using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Serialization;
using Telephony.Ivr.Store.Holidays;

namespace Telephony.Host.Ivr;

/// <summary>Holiday calendars: read and replace, audited.</summary>
internal static class IvrHolidayEndpoints
{
    /// <summary>Dates outside these years are typing mistakes, not holidays.</summary>
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    public static void Map(RouteGroupBuilder ivr)
    {
        ivr.MapGet("/holidays", async (HolidayCalendarStore store, CancellationToken cancellationToken) =>
                Results.Ok((await store.GetAllAsync(cancellationToken)).Keys))
            .WithSummary("Ids of the holiday calendars.");
        ivr.MapGet("/holidays/{calendarId}", async (string calendarId, HolidayCalendarStore store, CancellationToken cancellationToken) =>
                await store.GetAsync(calendarId, cancellationToken) is { } calendar
                    ? Results.Text(IvrJson.Write(calendar), "application/json")
                    : IvrProblems.NotFound($"No holiday calendar '{calendarId}'."))
            .WithSummary("A holiday calendar (HolidayCalendar JSON document).");
        ivr.MapPut("/holidays/{calendarId}", SaveAsync)
            .WithSummary("Replaces (or creates) a holiday calendar; trees use it from their next publish, and the hours check at once.");
    }

    private static async Task<IResult> SaveAsync(
        string calendarId, HttpContext context, ClaimsPrincipal user, HolidayCalendarStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var json = await IvrRequest.ReadBodyAsync(context.Request, cancellationToken);
        if (json is null)
        {
            return IvrProblems.BadDocument($"The document is larger than {IvrRequest.MaxDocumentBytes} bytes.");
        }

        HolidayCalendar calendar;
        try
        {
            calendar = IvrJson.ReadHolidayCalendar(json);
        }
        catch (IvrDocumentException ex)
        {
            return IvrProblems.BadDocument(ex.Message);
        }

        if (calendar.Id != calendarId)
        {
            return IvrProblems.BadDocument($"The document's id '{calendar.Id}' is not the calendar '{calendarId}' of the address.");
        }

        var wrong = calendar.Holidays.FirstOrDefault(h => h.LastDay < h.From || h.From.Year < FirstYear || h.LastDay.Year > LastYear);
        if (wrong is not null)
        {
            return IvrProblems.BadDocument($"Holiday from {wrong.From:yyyy-MM-dd} to {wrong.LastDay:yyyy-MM-dd} ends before it starts or lies outside {FirstYear}–{LastYear}.");
        }

        await store.SaveAsync(calendar, IvrRequest.Actor(user), cancellationToken);
        await audit.WriteAsync(IvrRequest.Actor(user), "ivr-holidays-saved", calendarId, new { holidays = calendar.Holidays.Count }, IvrRequest.SourceIp(context), cancellationToken);
        return Results.NoContent();
    }
}
