using System.Runtime.InteropServices;

namespace Telephony.Media.Scheduling;

/// <summary>
/// Sleeps on the kernel's high-resolution timer (nanosleep): Thread.Sleep rounds to whole milliseconds and wakes up to a
/// millisecond late, which made the media thread wake 1.5 ms early and spin; on this kind of machine nanosleep wakes
/// within ~0.1–0.2 ms (p50/p90, even with the machine loaded), so the loop spins only the last fraction of a millisecond.
/// </summary>
internal static class PreciseSleep
{
    /// <summary>Sleeps for about <paramref name="duration"/>; a signal may end it early (the caller's loop just checks the clock again).</summary>
    public static void For(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var request = new Timespec(duration.Ticks / TimeSpan.TicksPerSecond, duration.Ticks % TimeSpan.TicksPerSecond * 100);
        _ = NanoSleep(in request, IntPtr.Zero);
    }

    [DllImport("libc.so.6", EntryPoint = "nanosleep", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NanoSleep(in Timespec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
