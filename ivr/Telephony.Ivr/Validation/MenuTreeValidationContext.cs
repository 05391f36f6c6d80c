using System.Collections.ObjectModel;
using Telephony.Ivr.Hours;

namespace Telephony.Ivr.Validation;

/// <summary>What the tree may refer to outside itself: the ACD's queues and skills, holiday calendars, allowed numbers.</summary>
public sealed record MenuTreeValidationContext
{
    public required IReadOnlyCollection<string> Queues { get; init; }

    public required IReadOnlyCollection<string> Skills { get; init; }

    public IReadOnlyDictionary<string, HolidayCalendar> HolidayCalendars { get; init; } = ReadOnlyDictionary<string, HolidayCalendar>.Empty;

    /// <summary>Transfer numbers allowed by the server's configuration in addition to the tree's own allowlist.</summary>
    public IReadOnlyCollection<string> TransferAllowlist { get; init; } = [];
}
