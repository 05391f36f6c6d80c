using System.Text.Json.Serialization;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Hours;

/// <summary>A named non-working day or run of days, [From, To] inclusive, in the schedule's local calendar.</summary>
public sealed record Holiday
{
    public required DateOnly From { get; init; }

    /// <summary>Last day, inclusive; absent for a single day.</summary>
    public DateOnly? To { get; init; }

    public required IReadOnlyDictionary<Language, string> Name { get; init; }

    /// <summary>True while the date is a forecast not yet fixed by the authority (e.g. a religious holiday a year ahead).</summary>
    public bool Provisional { get; init; }

    /// <summary>Where the date comes from or why the day is off (e.g. "weekend moved by Labour Code art. 105.5").</summary>
    public string? Note { get; init; }

    [JsonIgnore]
    public DateOnly LastDay => To ?? From;

    public bool Covers(DateOnly date) => date >= From && date <= LastDay;
}
