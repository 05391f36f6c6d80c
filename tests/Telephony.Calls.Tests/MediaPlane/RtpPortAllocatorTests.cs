using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.MediaPlane;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class RtpPortAllocatorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAllocate_range_hands_out_even_ports_with_room_for_rtcp()
    {
        var allocator = new RtpPortAllocator(20001, 20010, TimeSpan.FromSeconds(30), _time);

        var ports = new List<int>();
        while (allocator.TryAllocate(out var port))
        {
            ports.Add(port);
        }

        Assert.Equal([20002, 20004, 20006, 20008], ports);
        Assert.Equal(4, allocator.Capacity);
        Assert.Equal(4, allocator.InUse);
    }

    [Fact]
    public void TryAllocate_released_port_waits_for_cool_down()
    {
        var allocator = new RtpPortAllocator(30000, 30003, TimeSpan.FromSeconds(30), _time);
        Assert.True(allocator.TryAllocate(out var first));
        Assert.True(allocator.TryAllocate(out _));
        allocator.Release(first);

        Assert.False(allocator.TryAllocate(out _));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(allocator.TryAllocate(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(allocator.TryAllocate(out var again));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Release_port_not_allocated_throws()
    {
        var allocator = new RtpPortAllocator(30000, 30003, TimeSpan.Zero, _time);

        Assert.Throws<InvalidOperationException>(() => allocator.Release(30000));
    }
}
