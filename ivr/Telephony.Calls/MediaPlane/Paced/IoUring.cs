using System.Runtime.InteropServices;

namespace Telephony.Calls.MediaPlane.Paced;

/// <summary>
/// The least of Linux io_uring the paced sender needs: one ring with its submission and completion queues mapped into
/// this process, filled and drained by one thread. The layouts are the kernel's (include/uapi/linux/io_uring.h), the
/// same on every 64-bit architecture.
/// </summary>
internal sealed unsafe partial class IoUring : IDisposable
{
    public const byte OpSendMsg = 9;
    public const byte OpTimeout = 11;
    public const byte OpAsyncCancel = 14;

    public const byte SqeLink = 1 << 2;

    public const uint TimeoutAbsolute = 1 << 0;

    /// <summary>An expired timeout counts as success for its link (Linux 5.16), so the linked send runs.</summary>
    public const uint TimeoutExpiryIsSuccess = 1 << 5;

    public const uint CancelAll = 1 << 0;

    private const int SqeSize = 64;
    private const int CqeSize = 16;
    private const uint SetupCompletionQueueSize = 1 << 3;
    private const uint FeatureSingleMmap = 1 << 0;
    private const uint EnterGetEvents = 1 << 0;
    private const long OffsetSubmissionRing = 0;
    private const long OffsetSqes = 0x10000000;
    private const int ProtReadWrite = 0x1 | 0x2;
    private const int MapSharedPopulate = 0x01 | 0x8000;
    private const int Interrupted = 4;
    private const int Busy = 16;
    private const int TryAgain = 11;

    private readonly int _fd;
    private readonly byte* _ring;
    private readonly nuint _ringLength;
    private readonly byte* _sqes;
    private readonly nuint _sqesLength;

    private readonly uint* _sqHead;
    private readonly uint* _sqTail;
    private readonly uint _sqMask;
    private readonly uint* _sqArray;
    private readonly uint _sqEntries;

    private readonly uint* _cqHead;
    private readonly uint* _cqTail;
    private readonly uint _cqMask;
    private readonly byte* _cqes;

    /// <summary>The local tail: entries prepared since the last <see cref="Submit"/> are between the shared tail and this.</summary>
    private uint _sqLocalTail;

    private IoUring(int fd, byte* ring, nuint ringLength, byte* sqes, nuint sqesLength, byte* parameters)
    {
        _fd = fd;
        _ring = ring;
        _ringLength = ringLength;
        _sqes = sqes;
        _sqesLength = sqesLength;
        var sqOffsets = parameters + 40;
        var cqOffsets = parameters + 80;
        _sqHead = (uint*)(ring + *(uint*)sqOffsets);
        _sqTail = (uint*)(ring + *(uint*)(sqOffsets + 4));
        _sqMask = *(uint*)(ring + *(uint*)(sqOffsets + 8));
        _sqEntries = *(uint*)(ring + *(uint*)(sqOffsets + 12));
        _sqArray = (uint*)(ring + *(uint*)(sqOffsets + 24));
        _cqHead = (uint*)(ring + *(uint*)cqOffsets);
        _cqTail = (uint*)(ring + *(uint*)(cqOffsets + 4));
        _cqMask = *(uint*)(ring + *(uint*)(cqOffsets + 8));
        _cqes = ring + *(uint*)(cqOffsets + 20);
        _sqLocalTail = *_sqTail;
    }

    /// <summary>Entries that can be prepared now (the kernel takes submitted ones at once: no polling thread).</summary>
    public uint Free => _sqEntries - (_sqLocalTail - Volatile.Read(ref *_sqHead));

    /// <summary>Sets up a ring, or returns null with the reason (no io_uring in this kernel, or forbidden by a sandbox).</summary>
    public static IoUring? TryCreate(uint submissionEntries, uint completionEntries, out string? failure)
    {
        var parameters = stackalloc byte[120];
        new Span<byte>(parameters, 120).Clear();
        *(uint*)(parameters + 4) = completionEntries;
        *(uint*)(parameters + 8) = SetupCompletionQueueSize;
        var fd = (int)Syscall(SyscallSetup, submissionEntries, (nint)parameters, 0, 0, 0, 0);
        if (fd < 0)
        {
            failure = $"io_uring_setup failed: errno {Marshal.GetLastPInvokeError()}";
            return null;
        }

        if ((*(uint*)(parameters + 20) & FeatureSingleMmap) == 0)
        {
            _ = NativeMethods.Close(fd);
            failure = "io_uring without a single mapping for both queues (Linux before 5.4)";
            return null;
        }

        var sqEntries = *(uint*)parameters;
        var cqEntries = *(uint*)(parameters + 4);
        var sqRingLength = *(uint*)(parameters + 40 + 24) + (sqEntries * sizeof(uint));
        var cqRingLength = *(uint*)(parameters + 80 + 20) + (cqEntries * (uint)CqeSize);
        var ringLength = (nuint)Math.Max(sqRingLength, cqRingLength);
        var ring = Map(fd, ringLength, OffsetSubmissionRing);
        if (ring is null)
        {
            failure = $"mapping the io_uring queues failed: errno {Marshal.GetLastPInvokeError()}";
            _ = NativeMethods.Close(fd);
            return null;
        }

        var sqesLength = (nuint)(sqEntries * SqeSize);
        var sqes = Map(fd, sqesLength, OffsetSqes);
        if (sqes is null)
        {
            failure = $"mapping the io_uring entries failed: errno {Marshal.GetLastPInvokeError()}";
            _ = Unmap(ring, ringLength);
            _ = NativeMethods.Close(fd);
            return null;
        }

        failure = null;
        return new IoUring(fd, ring, ringLength, sqes, sqesLength, parameters);
    }

    /// <summary>The next free submission entry, cleared, or null when the queue is full (submit first).</summary>
    public byte* NextSqe()
    {
        if (Free == 0)
        {
            return null;
        }

        var index = _sqLocalTail & _sqMask;
        var sqe = _sqes + (index * SqeSize);
        new Span<byte>(sqe, SqeSize).Clear();
        _sqArray[index] = index;
        _sqLocalTail++;
        return sqe;
    }

    /// <summary>Hands every prepared entry to the kernel. Returns how many it took, or a negative errno.</summary>
    public int Submit()
    {
        // Everything the kernel has not consumed: a call it answered busy may have left entries behind the shared tail.
        var pending = _sqLocalTail - Volatile.Read(ref *_sqHead);
        if (pending == 0)
        {
            return 0;
        }

        Volatile.Write(ref *_sqTail, _sqLocalTail);
        while (true)
        {
            var result = Syscall(SyscallEnter, _fd, (nint)pending, 0, 0, 0, 0);
            if (result >= 0)
            {
                return (int)result;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                // EBUSY/EAGAIN: completions must be reaped before more can be taken; the caller reaps and submits again.
                return errno is Busy or TryAgain ? 0 : -errno;
            }
        }
    }

    /// <summary>Waits (in the kernel) until at least one completion is posted; tests and the start-up probe only.</summary>
    public void WaitForCompletion()
    {
        while (Syscall(SyscallEnter, _fd, 0, 1, (nint)EnterGetEvents, 0, 0) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }
    }

    /// <summary>Reads the next completion, if any: its user data and result (a negative errno on failure).</summary>
    public bool TryReadCompletion(out ulong userData, out int result)
    {
        var head = *_cqHead;
        if (head == Volatile.Read(ref *_cqTail))
        {
            userData = 0;
            result = 0;
            return false;
        }

        var cqe = _cqes + ((head & _cqMask) * CqeSize);
        userData = *(ulong*)cqe;
        result = *(int*)(cqe + 8);
        Volatile.Write(ref *_cqHead, head + 1);
        return true;
    }

    public void Dispose()
    {
        _ = Unmap(_sqes, _sqesLength);
        _ = Unmap(_ring, _ringLength);
        _ = NativeMethods.Close(_fd);
    }

    private static byte* Map(int fd, nuint length, long offset)
    {
        var address = Mmap(null, length, ProtReadWrite, MapSharedPopulate, fd, offset);
        return address == (void*)-1 ? null : (byte*)address;
    }

    private const long SyscallSetup = 425;
    private const long SyscallEnter = 426;

    [LibraryImport("libc.so.6", EntryPoint = "syscall", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial long Syscall(long number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

    private static long Syscall(long number, long a1, nint a2, nint a3, nint a4, nint a5, nint a6) =>
        Syscall(number, (nint)a1, a2, a3, a4, a5, a6);

    [LibraryImport("libc.so.6", EntryPoint = "mmap", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc.so.6", EntryPoint = "munmap", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Unmap(void* address, nuint length);
}
