using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.MediaPlane;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Scheduling;

namespace Telephony.Calls.Tests.MediaPlane;

/// <summary>A leg's endpoint with the kernel-timed sender: its tick packets leave when due, and its port outlives its last scheduled packet.</summary>
public sealed class RtpEndpointPacingTests : IDisposable
{
    private static readonly long Millisecond = Stopwatch.Frequency / 1000;

    private readonly TimedUdpReceiver _peer = new();
    private readonly RtpPortAllocator _ports = new(47000, 47009, TimeSpan.Zero, TimeProvider.System);
    private readonly RtpReceiveLoop _loop = new(0, NullLogger.Instance);

    [Fact]
    public void Packets_of_a_tick_run_ahead_go_through_the_kernel_and_leave_when_due()
    {
        using var sender = PacedDatagramSenderTests.Create(8);
        using var endpoint = Open(sender);
        var due = Stopwatch.GetTimestamp() + (50 * Millisecond);
        var scheduledBefore = sender.Scheduled;

        endpoint.Send([0x80, 1, 0, 0, 0, 0, 0, 0], Tick(due));
        sender.Flush();

        PacedDatagramSenderTests.WaitUntil(sender, () => !_peer.Arrivals.IsEmpty);
        Assert.Equal(scheduledBefore + 1, sender.Scheduled);
        Assert.True(_peer.Arrivals.Single().At >= due - Millisecond, "the packet left before it was due");
    }

    [Fact]
    public void A_disposed_endpoint_cancels_its_waiting_packets_and_keeps_its_port_until_they_are_done()
    {
        using var sender = PacedDatagramSenderTests.Create(8);
        var endpoint = Open(sender);
        var due = Stopwatch.GetTimestamp() + (200 * Millisecond);
        var scheduledBefore = sender.Scheduled;
        for (byte i = 0; i < 3; i++)
        {
            endpoint.Send([0x80, i, 0, 0, 0, 0, 0, 0], Tick(due + (i * 20 * Millisecond)));
        }

        sender.Flush();
        endpoint.Dispose();
        Assert.Equal(1, _ports.InUse);

        PacedDatagramSenderTests.WaitUntil(sender, () => sender.InFlight == 0);
        Assert.Equal(0, _ports.InUse);
        Assert.Equal(0, endpoint.SendErrors);
        Thread.Sleep(300);
        Assert.Empty(_peer.Arrivals);

        // Nothing more is scheduled on a disposed endpoint.
        endpoint.Send([0x80, 9, 0, 0, 0, 0, 0, 0], Tick(due));
        Assert.Equal(scheduledBefore + 3, sender.Scheduled);
        Assert.Equal(0, _ports.InUse);
    }

    public void Dispose()
    {
        _loop.Dispose();
        _peer.Dispose();
    }

    private static MediaTick Tick(long dueTimestamp) =>
        new(0, TimeSpan.Zero, TimeSpan.Zero, 160, 0) { Lead = TimeSpan.FromMilliseconds(60), DueTimestamp = dueTimestamp };

    private RtpEndpoint Open(Telephony.Calls.MediaPlane.Paced.PacedDatagramSender sender)
    {
        Assert.True(_ports.TryAllocate(out var port));
        var endpoint = new RtpEndpoint(IPAddress.Loopback, port, "127.0.0.1", _ports, _loop, TimeProvider.System, sender);
        endpoint.SetRemote("127.0.0.1", _peer.EndPoint.Port);
        return endpoint;
    }
}
