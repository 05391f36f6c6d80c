using System.Runtime.InteropServices;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>The kernel's arrival time of datagrams (the epoll calls are the server's own, linked in from Telephony.Calls).</summary>
internal static unsafe partial class KernelTimestamps
{
    /// <summary>SIOCGSTAMP: the kernel arrival time (struct timeval) of the last datagram read from the socket.</summary>
    public const ulong GetTimestamp = 0x8906;

    [LibraryImport("libc.so.6", EntryPoint = "ioctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Ioctl(int fd, ulong request, long* argument);
}
