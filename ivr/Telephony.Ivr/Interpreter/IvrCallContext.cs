using System.Collections.Frozen;
using System.Collections.ObjectModel;
using Telephony.Ivr.Hours;

namespace Telephony.Ivr.Interpreter;

/// <summary>What the host knows about a call and its configuration that the menu tree does not say.</summary>
public sealed record IvrCallContext
{
    /// <summary>The caller's number as the host normalised it; null uses <c>ICall.From</c>.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>The holiday calendars the tree's schedules name, by id.</summary>
    public IReadOnlyDictionary<string, HolidayCalendar> HolidayCalendars { get; init; } = ReadOnlyDictionary<string, HolidayCalendar>.Empty;

    /// <summary>Numbers the host's configuration allows transfers to besides the tree's own allowlist (E.164).</summary>
    public IReadOnlyList<string> TransferAllowlist { get; init; } = [];

    /// <summary>How long a transfer destination may ring before the node's onFailure path is taken.</summary>
    public TimeSpan TransferRingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Collect-digits variables whose values must not appear in the call path or events (they are masked with '*');
    /// the values still reach <see cref="IvrOutcome.Variables"/> for the agent's screen.
    /// </summary>
    public IReadOnlySet<string> SensitiveVariables { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// The clock the menu reads the time of day from: hours branches and the <c>today</c>/<c>now</c> variables. Null is
    /// the interpreter's clock. The host sets another only when told to (acceptance tests of the after-hours and holiday
    /// branches); timeouts and event times always follow the interpreter's clock.
    /// </summary>
    public TimeProvider? WallClock { get; init; }

    /// <summary>Variables known before the menu starts, e.g. from the carrier or the host.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
