using System.Runtime.InteropServices;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>epoll, so that one thread waits on the RTP and RTCP sockets of every call.</summary>
internal static unsafe partial class NativeMethods
{
    public const int EpollCtlAdd = 1;
    public const uint EpollIn = 0x001;
    public const int EpollCloseOnExec = 0x80000;
    public const int Interrupted = 4;

    /// <summary>SIOCGSTAMP: the kernel arrival time (struct timeval) of the last datagram read from the socket.</summary>
    public const ulong GetTimestamp = 0x8906;

    /// <summary>struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16 bytes).</summary>
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>Offset of the 64-bit user data in struct epoll_event.</summary>
    public static readonly int EpollDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [LibraryImport("libc.so.6", EntryPoint = "epoll_create1", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int EpollCreate(int flags);

    [LibraryImport("libc.so.6", EntryPoint = "epoll_ctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int EpollControl(int epollFd, int operation, int fd, byte* epollEvent);

    [LibraryImport("libc.so.6", EntryPoint = "epoll_wait", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int EpollWait(int epollFd, byte* events, int maxEvents, int timeoutMilliseconds);

    [LibraryImport("libc.so.6", EntryPoint = "ioctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Ioctl(int fd, ulong request, long* argument);

    [LibraryImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Close(int fd);
}
