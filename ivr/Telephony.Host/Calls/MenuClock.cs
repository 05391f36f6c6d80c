using System.Globalization;

namespace Telephony.Host.Calls;

/// <summary>
/// The clock the menu reads the time of day from (hours branches, holiday calendar, the <c>today</c>/<c>now</c>
/// variables) when configuration <c>Telephony:MenuClock</c> (<c>--menu-clock</c>) sets one: standing at a fixed instant
/// (<c>2026-03-20T10:00:00+04:00</c>) or running ahead of or behind the real clock (<c>+12:00:00</c>, <c>-1.02:00:00</c>).
/// It lets acceptance tests on site and end-to-end tests hear the after-hours and holiday branches at any hour; timeouts,
/// timers, call records and every other part of the host keep the real clock.
/// </summary>
public sealed class MenuClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset? _fixed;
    private readonly TimeSpan _offset;

    private MenuClock(TimeProvider real, DateTimeOffset? standsAt, TimeSpan offset, string setting)
    {
        _real = real;
        _fixed = standsAt;
        _offset = offset;
        Setting = setting;
    }

    /// <summary>The configured value as written, for the log.</summary>
    public string Setting { get; }

    /// <summary>What the menu believes the time is, in words for the log.</summary>
    public string Description => _fixed is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"stands at {at:O}")
        : string.Create(CultureInfo.InvariantCulture, $"runs {_offset:c} from the real clock (now {GetUtcNow():O})");

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fixed?.ToUniversalTime() ?? _real.GetUtcNow() + _offset;

    public override long GetTimestamp() => _real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Reads a <c>Telephony:MenuClock</c> value: an ISO 8601 instant with its UTC offset (the clock stands there), or a
    /// signed duration <c>[+|-][d.]hh:mm[:ss]</c> (the clock runs that far from the real one). Null with a problem
    /// otherwise; an instant without an offset is refused, because the menu's time zone must not be guessed.
    /// </summary>
    public static MenuClock? TryParse(string text, TimeProvider real, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(real);
        var trimmed = text.Trim();
        problem = string.Empty;
        if (trimmed.Length > 1 && trimmed[0] is '+' or '-')
        {
            if (TimeSpan.TryParseExact(trimmed[1..], ["c", "g"], CultureInfo.InvariantCulture, out var offset) && offset > TimeSpan.Zero)
            {
                return new MenuClock(real, null, trimmed[0] == '-' ? -offset : offset, trimmed);
            }

            problem = $"'{text}' is not a signed duration such as +12:00:00 or -1.02:00:00";
            return null;
        }

        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "O"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at) && (trimmed.EndsWith('Z') || trimmed.LastIndexOfAny(['+', '-']) > 10))
        {
            return new MenuClock(real, at, TimeSpan.Zero, trimmed);
        }

        problem = $"'{text}' is neither an instant with its UTC offset (2026-03-20T10:00:00+04:00) nor a signed duration (+12:00:00)";
        return null;
    }
}
