using System.Runtime.InteropServices;

namespace Telephony.Media.Scheduling;

/// <summary>
/// Puts the calling thread under the kernel's fixed-priority real-time policy (SCHED_FIFO), as PBXs do for their media
/// threads: under the default time-sharing policy a busy host (SIP, the RTP receive threads, the database) keeps the
/// media thread waiting in the run queue for tens of milliseconds, and every call hears the gap at once. The kernel's
/// real-time throttling (<c>/proc/sys/kernel/sched_rt_runtime_us</c>) still leaves the rest of the system its share.
/// </summary>
internal static class RealtimeScheduling
{
    private const int FirstInFirstOut = 1;

    /// <summary>Raises the calling thread to SCHED_FIFO at <paramref name="priority"/> (1–99); 0 on success, else the errno.</summary>
    public static int TryEnter(int priority)
    {
        var parameters = new SchedulingParameters(priority);

        // pid 0 is the calling thread (sched_setscheduler acts on a thread id on Linux, not on the whole process).
        return SetScheduler(0, FirstInFirstOut, in parameters) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    [DllImport("libc.so.6", EntryPoint = "sched_setscheduler", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetScheduler(int pid, int policy, in SchedulingParameters parameters);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct SchedulingParameters(int Priority);
}
