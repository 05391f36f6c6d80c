using System.Runtime.InteropServices;

namespace Telephony.TestKit.Host;

/// <summary>Sends POSIX signals: Process.Kill only knows SIGKILL, and graceful shutdown is tested with SIGTERM.</summary>
public static partial class UnixSignal
{
    public const int Terminate = 15;
    public const int Kill = 9;

    public static void Send(int processId, int signal)
    {
        if (NativeKill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int sig);
}
