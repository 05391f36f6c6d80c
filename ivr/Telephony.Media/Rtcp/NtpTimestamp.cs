namespace Telephony.Media.Rtcp;

/// <summary>64-bit NTP timestamps (seconds since 1900 in the high 32 bits, fraction in the low 32) used by RTCP.</summary>
public static class NtpTimestamp
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Converts a wall-clock time to NTP format.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        var ticks = (ulong)(time - Epoch).Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var fraction = ((ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>Converts an NTP timestamp to wall-clock time (era 0, i.e. before 2036).</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong ntp)
    {
        var seconds = ntp >> 32;
        var fraction = ntp & 0xFFFF_FFFF;
        var ticks = (seconds * TimeSpan.TicksPerSecond) + ((fraction * TimeSpan.TicksPerSecond) >> 32);
        return Epoch.AddTicks((long)ticks);
    }

    /// <summary>The middle 32 bits, the compact form RTCP uses for LSR and round-trip calculations.</summary>
    public static uint Middle32(ulong ntp) => (uint)(ntp >> 16);
}
