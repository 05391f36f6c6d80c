namespace Telephony.Ivr.Hours;

/// <summary>An admin-editable list of holidays that schedules refer to by <see cref="Id"/>.</summary>
public sealed record HolidayCalendar
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<Holiday> Holidays { get; init; }
}
