using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Numerics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Telephony.Media.Scheduling;

namespace Telephony.Calls.MediaPlane.Paced;

/// <summary>
/// Sends datagrams at set times from the kernel: each is handed over ahead of its time as an io_uring timeout linked to
/// a sendmsg, so it leaves on time even while this process is stopped (the garbage collector suspends every managed
/// thread, the media tick's too, for up to tens of milliseconds under load). The media tick schedules each packet a
/// little before it is due and calls <see cref="Flush"/> after every pass; both only on the media thread, the ring's
/// one producer. The datagram and its address are copied into a slot of native memory that the kernel reads when the
/// time comes; the slot's owner hears when it is free again, and keeps its socket open until then (the kernel looks
/// the descriptor up only at send time, so closing it earlier could send on whatever socket reused the number).
/// </summary>
internal sealed unsafe class PacedDatagramSender : IMediaTickFlush
{
    /// <summary>Largest datagram a slot holds: an RTP header with 60 ms of G.711, with room to spare.</summary>
    public const int MaxDatagram = 512;

    /// <summary>The result a cancelled datagram reports: -ECANCELED.</summary>
    public const int CancelledResult = -125;

    private const int SlotSize = 640;
    private const int IovecOffset = 56;
    private const int TimespecOffset = 72;
    private const int AddressOffset = 88;
    private const int MaxAddress = 28;
    private const int PayloadOffset = 128;
    private const ulong OwnerTagBit = 1UL << 63;
    private const ulong CancelMarker = ulong.MaxValue;

    private readonly IoUring _ring;
    private readonly byte* _slots;
    private readonly int _slotCount;
    private readonly int[] _free;
    private readonly IPacedDatagramOwner?[] _owners;
    private readonly ConcurrentQueue<long> _cancels = new();
    private int _freeCount;
    private long _scheduled;
    private long _failed;
    private long _refused;
    private int _disposed;

    private PacedDatagramSender(IoUring ring, int slotCount)
    {
        _ring = ring;
        _slotCount = slotCount;
        _slots = (byte*)NativeMemory.AlignedAlloc((nuint)(slotCount * SlotSize), 64);
        _free = new int[slotCount];
        _owners = new IPacedDatagramOwner?[slotCount];
        for (var i = 0; i < slotCount; i++)
        {
            _free[i] = slotCount - 1 - i;
        }

        _freeCount = slotCount;
    }

    /// <summary>Datagrams handed to the kernel so far.</summary>
    public long Scheduled => Interlocked.Read(ref _scheduled);

    /// <summary>Scheduled datagrams whose send failed (unreachable, no buffer); cancelled ones are not counted.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Datagrams refused for want of a free slot or ring entry (the caller sent them at once instead).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Datagrams waiting for their time in the kernel.</summary>
    public int InFlight => _slotCount - Volatile.Read(ref _freeCount);

    /// <summary>
    /// Opens a ring with room for <paramref name="slots"/> datagrams in flight and proves it on loopback: one datagram
    /// scheduled 20 ms ahead must arrive no sooner (the kernel's monotonic clock is the one <see cref="Stopwatch"/>
    /// reads) and be reported sent. Null with the reason when this system cannot (no io_uring, a kernel before 5.19, a
    /// sandbox that forbids it); the caller then sends each packet when its tick runs.
    /// </summary>
    public static PacedDatagramSender? TryCreate(int slots, out string? failure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            failure = "timed sending needs Linux and a nanosecond monotonic clock";
            return null;
        }

        var entries = (uint)Math.Min(4096, int.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)slots)));
        var completions = Math.Max(entries * 2, BitOperations.RoundUpToPowerOf2((uint)slots * 4));
        var ring = IoUring.TryCreate(entries, completions, out failure);
        if (ring is null)
        {
            return null;
        }

        var sender = new PacedDatagramSender(ring, slots);
        failure = sender.Probe();
        if (failure is null)
        {
            return sender;
        }

        sender.Dispose();
        return null;
    }

    /// <summary>
    /// Schedules <paramref name="datagram"/> to <paramref name="destination"/> on the socket <paramref name="fd"/> at
    /// <paramref name="dueTimestamp"/> (a <see cref="Stopwatch"/> timestamp; one already past goes at once). False
    /// when it cannot be taken (no free slot, too long); the caller sends it itself. Media thread only.
    /// </summary>
    public bool TrySchedule(int fd, SocketAddress destination, ReadOnlySpan<byte> datagram, long dueTimestamp, IPacedDatagramOwner owner)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(owner);
        if (datagram.Length > MaxDatagram || destination.Size > MaxAddress || _freeCount == 0 || !TryReserveEntries(2))
        {
            Interlocked.Increment(ref _refused);
            return false;
        }

        var slotIndex = _free[--_freeCount];
        var slot = _slots + ((long)slotIndex * SlotSize);
        _owners[slotIndex] = owner;

        // struct msghdr { name, namelen, iov, iovlen, control, controllen, flags } with one iovec over the payload.
        new Span<byte>(slot, PayloadOffset).Clear();
        *(byte**)slot = slot + AddressOffset;
        *(uint*)(slot + 8) = (uint)destination.Size;
        *(byte**)(slot + 16) = slot + IovecOffset;
        *(nuint*)(slot + 24) = 1;
        *(byte**)(slot + IovecOffset) = slot + PayloadOffset;
        *(nuint*)(slot + IovecOffset + 8) = (nuint)datagram.Length;
        *(long*)(slot + TimespecOffset) = dueTimestamp / 1_000_000_000;
        *(long*)(slot + TimespecOffset + 8) = dueTimestamp % 1_000_000_000;
        destination.Buffer.Span[..destination.Size].CopyTo(new Span<byte>(slot + AddressOffset, MaxAddress));
        datagram.CopyTo(new Span<byte>(slot + PayloadOffset, MaxDatagram));

        // The timer, then the send it releases. The timer reports too: a link whose head skips its report also skips the
        // reports of its cancelled sends, and a cancelled send's report is what frees its slot.
        var timeout = _ring.NextSqe();
        timeout[0] = IoUring.OpTimeout;
        timeout[1] = IoUring.SqeLink;
        *(int*)(timeout + 4) = -1;
        *(ulong*)(timeout + 16) = (ulong)(slot + TimespecOffset);
        *(uint*)(timeout + 24) = 1;
        *(uint*)(timeout + 28) = IoUring.TimeoutAbsolute | IoUring.TimeoutExpiryIsSuccess;
        *(ulong*)(timeout + 32) = OwnerTagBit | (ulong)owner.PacingTag;

        var send = _ring.NextSqe();
        send[0] = IoUring.OpSendMsg;
        *(int*)(send + 4) = fd;
        *(ulong*)(send + 16) = (ulong)slot;
        *(uint*)(send + 24) = 1;
        *(ulong*)(send + 32) = (ulong)slotIndex;
        Interlocked.Increment(ref _scheduled);
        return true;
    }

    /// <summary>
    /// Drops whatever <paramref name="owner"/> still has waiting (its call ended); its slots come back through
    /// <see cref="IPacedDatagramOwner.OnPacedSendFinished"/> as usual. Any thread; takes effect at the next flush.
    /// </summary>
    public void Cancel(IPacedDatagramOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _cancels.Enqueue(owner.PacingTag);
    }

    /// <summary>Hands the scheduled datagrams and cancellations to the kernel and frees the slots of those done. Media thread only.</summary>
    public void Flush()
    {
        while (_cancels.TryPeek(out var tag) && TryReserveEntries(1))
        {
            _cancels.TryDequeue(out _);
            var cancel = _ring.NextSqe();
            cancel[0] = IoUring.OpAsyncCancel;
            *(int*)(cancel + 4) = -1;
            *(ulong*)(cancel + 16) = OwnerTagBit | (ulong)tag;
            *(uint*)(cancel + 28) = IoUring.CancelAll;
            *(ulong*)(cancel + 32) = CancelMarker;
        }

        _ = _ring.Submit();
        Reap();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Whatever is still waiting goes now rather than never; the memory stays until the kernel is done with it.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (InFlight > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            _ = _ring.Submit();
            Reap();
            Thread.Sleep(1);
        }

        var drained = InFlight == 0;
        _ring.Dispose();
        if (drained)
        {
            NativeMemory.AlignedFree(_slots);
            return;
        }

        // Closing the ring cancels what is left; its owners hear so, and close their sockets. The memory is left to the
        // process's end, as the kernel may still be finishing with it.
        for (var slot = 0; slot < _slotCount; slot++)
        {
            if (_owners[slot] is { } owner)
            {
                _owners[slot] = null;
                owner.OnPacedSendFinished(CancelledResult);
            }
        }
    }

    private bool TryReserveEntries(int count)
    {
        if (_ring.Free >= count)
        {
            return true;
        }

        _ = _ring.Submit();
        Reap();
        return _ring.Free >= count;
    }

    private void Reap()
    {
        while (_ring.TryReadCompletion(out var userData, out var result))
        {
            if (userData == CancelMarker || (userData & OwnerTagBit) != 0)
            {
                // A cancellation's own report, or a timer's (expired, or cancelled): its send reports the slot.
                continue;
            }

            var slotIndex = (int)userData;
            var owner = _owners[slotIndex];
            _owners[slotIndex] = null;
            _free[_freeCount++] = slotIndex;
            if (result < 0 && result != CancelledResult)
            {
                Interlocked.Increment(ref _failed);
            }

            owner?.OnPacedSendFinished(result);
        }
    }

    private string? Probe()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 1000 };
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var owner = new ProbeOwner();
        var start = Stopwatch.GetTimestamp();
        Span<byte> datagram = [0x80, 0, 0, 1];
        if (!TrySchedule((int)sender.SafeHandle.DangerousGetHandle(), receiver.LocalEndPoint!.Serialize(), datagram, start + (20 * 1_000_000), owner))
        {
            return "the ring refused the probe";
        }

        Flush();
        var received = new byte[16];
        try
        {
            _ = receiver.Receive(received);
        }
        catch (SocketException exception)
        {
            Flush();
            return $"a probe datagram scheduled 20 ms ahead never arrived ({exception.SocketErrorCode}; send result {owner.Result})";
        }

        var waited = Stopwatch.GetElapsedTime(start);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (owner.Result is null && Stopwatch.GetTimestamp() < deadline)
        {
            Flush();
            Thread.Sleep(1);
        }

        return waited < TimeSpan.FromMilliseconds(15)
            ? $"a probe datagram scheduled 20 ms ahead arrived after {waited.TotalMilliseconds:F1} ms: the kernel's clock is not this process's"
            : owner.Result is null or < 0 ? $"the probe's send was not reported done (result {owner.Result})" : null;
    }

    private sealed class ProbeOwner : IPacedDatagramOwner
    {
        public int? Result { get; private set; }

        public long PacingTag => 0;

        public void OnPacedSendFinished(int result) => Result = result;
    }
}
