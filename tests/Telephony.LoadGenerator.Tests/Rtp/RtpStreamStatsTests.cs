using System.Buffers.Binary;
using System.Diagnostics;
using Telephony.LoadGenerator.Rtp;

namespace Telephony.LoadGenerator.Tests.Rtp;

public sealed class RtpStreamStatsTests
{
    private static readonly long Ms = Stopwatch.Frequency / 1000;

    private static byte[] Packet(ushort sequence, uint ssrc = 0x1234)
    {
        var packet = new byte[172];
        packet[0] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        return packet;
    }

    [Fact]
    public void Missing_sequence_numbers_count_as_lost_across_the_wrap()
    {
        var stats = new RtpStreamStats(40 * Ms);
        long t = 1;
        foreach (var sequence in new ushort[] { 65533, 65534, 1, 2, 3 })
        {
            stats.OnRtp(Packet(sequence), t, 0);
            t += 20 * Ms;
        }

        var result = stats.Close();

        Assert.Equal(5, result.Packets);
        Assert.Equal(2, result.Lost); // 65535 and 0
    }

    [Fact]
    public void Reordered_and_duplicate_packets_do_not_move_the_highest_sequence()
    {
        var stats = new RtpStreamStats(40 * Ms);
        foreach (var sequence in new ushort[] { 10, 12, 11, 12, 13 })
        {
            stats.OnRtp(Packet(sequence), 1, 0);
        }

        var result = stats.Close();

        Assert.Equal(5, result.Packets);
        Assert.Equal(0, result.Lost); // 4 expected, 5 arrived (a duplicate): never negative
    }

    [Fact]
    public void Gaps_use_kernel_stamps_when_present_and_count_those_over_the_threshold()
    {
        var stats = new RtpStreamStats(40 * Ms);

        // Read late by our thread (the read times bunch up), but stamped 20, 45 and 20 ms apart by the kernel.
        stats.OnRtp(Packet(1), 100 * Ms, 1000 * Ms);
        stats.OnRtp(Packet(2), 160 * Ms, 1020 * Ms);
        stats.OnRtp(Packet(3), 161 * Ms, 1065 * Ms);
        stats.OnRtp(Packet(4), 162 * Ms, 1085 * Ms);

        var result = stats.Close();

        Assert.Equal(45 * Ms, result.MaxGapTicks);
        Assert.Equal(161 * Ms, result.MaxGapEndedAt);
        Assert.Equal(1, result.GapsOverThreshold);
    }

    [Fact]
    public void Without_kernel_stamps_the_read_times_give_the_gaps()
    {
        var stats = new RtpStreamStats(40 * Ms);
        stats.OnRtp(Packet(1), 100 * Ms, 0);
        stats.OnRtp(Packet(2), 150 * Ms, 0);

        Assert.Equal(50 * Ms, stats.Close().MaxGapTicks);
    }

    [Fact]
    public void A_new_ssrc_starts_a_new_sequence_run_without_inventing_loss()
    {
        var stats = new RtpStreamStats(40 * Ms);
        stats.OnRtp(Packet(100, 1), 1, 0);
        stats.OnRtp(Packet(101, 1), 2, 0);
        stats.OnRtp(Packet(9000, 2), 3, 0);
        stats.OnRtp(Packet(9002, 2), 4, 0);

        var result = stats.Close();

        Assert.Equal(4, result.Packets);
        Assert.Equal(1, result.Lost); // 9001
    }

    [Fact]
    public void Nothing_is_counted_after_close_and_non_rtp_is_ignored()
    {
        var stats = new RtpStreamStats(40 * Ms);
        stats.OnRtp(Packet(1), 1, 0);
        stats.OnRtp(new byte[] { 0x00, 0x01, 0x02 }, 2, 0);
        stats.Close();

        stats.OnRtp(Packet(2), 3, 0);

        Assert.Equal(1, stats.Close().Packets);
    }
}
