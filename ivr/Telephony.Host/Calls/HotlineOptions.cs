using Telephony.Ivr.Hours;

namespace Telephony.Host.Calls;

/// <summary>How the hotline treats its calls (section "Hotline").</summary>
public sealed class HotlineOptions
{
    /// <summary>The user part dialled to reach the menu; calls to anything else are refused as not found.</summary>
    public string Number { get; init; } = "100";

    /// <summary>A WAV file of music on hold; null plays a ringback tone.</summary>
    public string? MusicOnHoldFile { get; init; }

    /// <summary>How often a waiting caller hears their position and estimated wait.</summary>
    public TimeSpan AnnouncementInterval { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>An abandon within this wait is a "short abandon" (a caller who barely waited), reported apart.</summary>
    public TimeSpan ShortAbandonThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long calls in progress may go on after the host is told to stop (the host's Telephony:ShutdownGraceSeconds).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The holiday calendars the menu's schedules may name, by id.</summary>
    public IReadOnlyDictionary<string, HolidayCalendar> HolidayCalendars { get; init; } =
        new Dictionary<string, HolidayCalendar>(StringComparer.Ordinal) { [PublicHolidays.AzerbaijanId] = PublicHolidays.Azerbaijan() };

    /// <summary>The clock the menu's hours decisions read (Telephony:MenuClock); null is the host's clock.</summary>
    public MenuClock? MenuClock { get; init; }

    /// <summary>The callback key offered to waiting callers and what it may dial.</summary>
    public QueueCallbackOptions Callback { get; init; } = new();

    /// <summary>This server's id in call records and queue events.</summary>
    public string HostId { get; init; } = Environment.MachineName;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            throw new ArgumentException("Hotline:Number must not be empty.", nameof(Number));
        }

        if (AnnouncementInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Hotline:AnnouncementInterval must be positive.", nameof(AnnouncementInterval));
        }

        if (ShortAbandonThreshold < TimeSpan.Zero)
        {
            throw new ArgumentException("Hotline:ShortAbandonThreshold must not be negative.", nameof(ShortAbandonThreshold));
        }

        Callback.Validate();
    }
}
