using Telephony.Media.Jitter;

namespace Telephony.Media.Tests.Jitter;

public sealed class JitterBufferTests
{
    private static byte[] Payload(ushort sequence) => [(byte)sequence, (byte)(sequence >> 8), 0xAB];

    /// <summary>Reads one tick; returns the sequence carried by the payload, or -1 (missing) / -2 (buffering).</summary>
    private static int ReadOne(JitterBuffer buffer)
    {
        var destination = new byte[480];
        var kind = buffer.Read(destination, out var length);
        Assert.Equal(kind == JitterFrameKind.Frame ? 3 : 0, length);
        return kind switch
        {
            JitterFrameKind.Frame => destination[0] | (destination[1] << 8),
            JitterFrameKind.Missing => -1,
            _ => -2,
        };
    }

    [Fact]
    public void Buffers_to_target_depth_then_plays_in_order()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(3));
        buffer.Put(10, Payload(10));
        Assert.Equal(-2, ReadOne(buffer));
        buffer.Put(11, Payload(11));
        Assert.Equal(-2, ReadOne(buffer));
        buffer.Put(12, Payload(12));
        Assert.Equal(10, ReadOne(buffer));
        Assert.Equal(11, ReadOne(buffer));
    }

    [Fact]
    public void Reordered_packets_come_out_in_sequence_order()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(4));
        foreach (ushort sequence in new ushort[] { 3, 1, 2, 4, 6, 5 })
        {
            buffer.Put(sequence, Payload(sequence));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], Enumerable.Range(0, 6).Select(_ => ReadOne(buffer)));
    }

    [Fact]
    public void Gap_is_reported_missing_and_playout_continues()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(2));
        buffer.Put(1, Payload(1));
        buffer.Put(3, Payload(3));
        buffer.Put(4, Payload(4));

        Assert.Equal([1, -1, 3, 4], Enumerable.Range(0, 4).Select(_ => ReadOne(buffer)));
        Assert.Equal(1, buffer.MissingFrames);
    }

    [Fact]
    public void Packet_after_its_slot_is_late_and_dropped()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(2));
        buffer.Put(1, Payload(1));
        buffer.Put(3, Payload(3));
        ReadOne(buffer);
        ReadOne(buffer);

        Assert.False(buffer.Put(2, Payload(2)));
        Assert.Equal(1, buffer.LatePackets);
    }

    [Fact]
    public void Duplicate_is_dropped()
    {
        var buffer = new JitterBuffer();
        Assert.True(buffer.Put(1, Payload(1)));
        Assert.False(buffer.Put(1, Payload(1)));
        Assert.Equal(1, buffer.DuplicatePackets);
    }

    [Fact]
    public void Sequence_wraparound_keeps_order()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(3));
        foreach (ushort sequence in new ushort[] { 65534, 0, 65535, 1 })
        {
            buffer.Put(sequence, Payload(sequence));
        }

        Assert.Equal([65534, 65535, 0, 1], Enumerable.Range(0, 4).Select(_ => ReadOne(buffer)));
    }

    [Fact]
    public void Adaptive_buffer_deepens_after_a_late_packet()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 2, MinDepth = 2, MaxDepth = 5 });
        buffer.Put(1, Payload(1));
        buffer.Put(2, Payload(2));
        ReadOne(buffer);
        ReadOne(buffer);
        buffer.Put(4, Payload(4));
        ReadOne(buffer); // 3 is missing
        buffer.Put(3, Payload(3)); // too late

        Assert.Equal(3, buffer.TargetDepth);
        Assert.Equal(-1, ReadOne(buffer)); // one frame of stretch adds the extra delay
        Assert.Equal(4, ReadOne(buffer));
    }

    [Fact]
    public void Adaptive_buffer_drops_a_frame_when_persistently_deeper_than_target()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 3, MinDepth = 2, MaxDepth = 6, ShrinkAfterTicks = 10 });
        ushort next = 0;
        for (var i = 0; i < 5; i++)
        {
            buffer.Put(next, Payload(next));
            next++;
        }

        for (var i = 0; i < 40; i++)
        {
            buffer.Put(next, Payload(next));
            next++;
            ReadOne(buffer);
        }

        Assert.True(buffer.DroppedFrames >= 1);
        Assert.Equal(2, buffer.TargetDepth);
    }

    [Fact]
    public void Burst_far_beyond_max_depth_is_trimmed_to_target()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(2));
        for (ushort sequence = 0; sequence < 20; sequence++)
        {
            buffer.Put(sequence, Payload(sequence));
        }

        Assert.Equal(18, ReadOne(buffer));
        Assert.Equal(18, buffer.DroppedFrames);
    }

    [Fact]
    public void Sender_restart_is_accepted_on_the_second_consecutive_packet()
    {
        var buffer = new JitterBuffer(JitterBufferOptions.Fixed(2));
        buffer.Put(100, Payload(100));
        buffer.Put(101, Payload(101));

        Assert.False(buffer.Put(30000, Payload(30000)));
        Assert.True(buffer.Put(30001, Payload(30001)));
        buffer.Put(30002, Payload(30002));
        Assert.Equal(30001, ReadOne(buffer));
    }

    [Fact]
    public void Oversized_payload_is_refused()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MaxPayloadSize = 160 });
        Assert.False(buffer.Put(1, new byte[161]));
    }

    [Fact]
    public void Concealment_fades_the_last_frame_then_goes_silent()
    {
        short[] last = [1000, -1000, 400];
        var frame = new short[3];
        PcmConcealment.Conceal(frame, last, 1);
        Assert.Equal([500, -500, 200], frame);
        PcmConcealment.Conceal(frame, last, 2);
        Assert.Equal([250, -250, 100], frame);
        PcmConcealment.Conceal(frame, last, 3);
        Assert.Equal([0, 0, 0], frame);
    }
}
