using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Telephony.Calls.MediaPlane.Paced;
using Telephony.Calls.Tests.Support;

namespace Telephony.Calls.Tests.MediaPlane;

/// <summary>The kernel-timed sender on loopback: real sockets, a real io_uring, arrival times read by a separate receiving thread.</summary>
public sealed class PacedDatagramSenderTests : IDisposable
{
    private static readonly long Millisecond = Stopwatch.Frequency / 1000;

    private readonly TimedUdpReceiver _receiver = new();
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public PacedDatagramSenderTests()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    private ConcurrentQueue<(byte Number, long At)> Arrivals => _receiver.Arrivals;

    private int Fd => (int)_socket.SafeHandle.DangerousGetHandle();

    private SocketAddress Destination => _receiver.EndPoint.Serialize();

    [Fact]
    public void Datagrams_scheduled_ahead_leave_at_their_times_while_the_scheduling_thread_is_stopped()
    {
        using var sender = Create(16);
        var owner = new Owner(1);
        var first = Stopwatch.GetTimestamp() + (40 * Millisecond);
        for (byte i = 0; i < 10; i++)
        {
            Assert.True(sender.TrySchedule(Fd, Destination, [0x80, i], first + (i * 20 * Millisecond), owner));
        }

        sender.Flush();

        // The scheduling thread does nothing for the whole stream, as the media thread does through a collector's pause.
        Thread.Sleep(300);
        sender.Flush();

        var arrivals = Arrivals.ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), arrivals.Select(a => a.Number));
        foreach (var (number, at) in arrivals)
        {
            var offset = (double)(at - (first + (number * 20 * Millisecond))) / Millisecond;
            Assert.InRange(offset, -1, 15);
        }

        Assert.Equal(Enumerable.Repeat(2, 10), owner.Results);
        Assert.Equal(0, sender.InFlight);
    }

    [Fact]
    public void Cancelled_datagrams_never_leave_and_their_slots_come_back()
    {
        using var sender = Create(8);
        var cancelled = new Owner(7);
        var kept = new Owner(8);
        var due = Stopwatch.GetTimestamp() + (150 * Millisecond);
        for (byte i = 0; i < 5; i++)
        {
            Assert.True(sender.TrySchedule(Fd, Destination, [0x80, i], due, cancelled));
        }

        Assert.True(sender.TrySchedule(Fd, Destination, [0x80, 99], due, kept));
        sender.Flush();
        sender.Cancel(cancelled);
        sender.Flush();

        WaitUntil(sender, () => cancelled.Results.Count == 5 && kept.Results.Count == 1);
        Thread.Sleep(50);
        Assert.All(cancelled.Results, result => Assert.True(result < 0, $"a cancelled datagram reported {result}"));
        Assert.Equal([(byte)99], Arrivals.Select(a => a.Number));
        Assert.Equal(0, sender.InFlight);
        Assert.Equal(0, sender.Failed);
    }

    [Fact]
    public void A_full_sender_refuses_and_counts_what_the_caller_must_send_itself()
    {
        using var sender = Create(2);
        var owner = new Owner(3);
        var due = Stopwatch.GetTimestamp() + (20 * Millisecond);

        Assert.True(sender.TrySchedule(Fd, Destination, [0x80, 0], due, owner));
        Assert.True(sender.TrySchedule(Fd, Destination, [0x80, 1], due, owner));
        Assert.False(sender.TrySchedule(Fd, Destination, [0x80, 2], due, owner));
        Assert.False(sender.TrySchedule(Fd, Destination, new byte[PacedDatagramSender.MaxDatagram + 1], due, new Owner(4)));

        Assert.Equal(2, sender.Refused);
        sender.Flush();
        WaitUntil(sender, () => owner.Results.Count == 2);
        Assert.True(sender.TrySchedule(Fd, Destination, [0x80, 3], due, owner));
    }

    [Fact]
    public void A_datagram_already_due_goes_at_once()
    {
        using var sender = Create(4);
        var owner = new Owner(5);
        var scheduled = Stopwatch.GetTimestamp();

        Assert.True(sender.TrySchedule(Fd, Destination, [0x80, 42], scheduled - (30 * Millisecond), owner));
        sender.Flush();

        WaitUntil(sender, () => !Arrivals.IsEmpty);
        Assert.InRange((double)(Arrivals.Single().At - scheduled) / Millisecond, 0, 15);
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _socket.Dispose();
    }

    internal static PacedDatagramSender Create(int slots) =>
        PacedDatagramSender.TryCreate(slots, out var failure) ?? throw new InvalidOperationException($"io_uring timed sending unavailable here: {failure}");

    internal static void WaitUntil(PacedDatagramSender sender, Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (2000 * Millisecond);
        while (!condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, "timed out");
            sender.Flush();
            Thread.Sleep(2);
        }
    }

    private sealed class Owner(long tag) : IPacedDatagramOwner
    {
        public List<int> Results { get; } = [];

        public long PacingTag => tag;

        public void OnPacedSendFinished(int result) => Results.Add(result);
    }
}
