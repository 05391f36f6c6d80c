using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Rtp;

public sealed class RtpSourceStatisticsTests
{
    private static readonly TimeSpan Ptime = TimeSpan.FromMilliseconds(20);

    /// <summary>Feeds packets with perfect 20 ms spacing; returns how many were accepted.</summary>
    private static int Feed(RtpSourceStatistics stats, IEnumerable<ushort> sequences, ushort firstSequence = 0)
    {
        var accepted = 0;
        foreach (var sequence in sequences)
        {
            var index = (ushort)(sequence - firstSequence);
            if (stats.Update(sequence, (uint)(index * 160), Ptime * index))
            {
                accepted++;
            }
        }

        return accepted;
    }

    private static IEnumerable<ushort> Range(int start, int count) => Enumerable.Range(start, count).Select(i => (ushort)i);

    [Fact]
    public void Probation_needs_two_packets_in_sequence()
    {
        var stats = new RtpSourceStatistics(1, 100);
        Assert.False(stats.Update(100, 0, TimeSpan.Zero));
        Assert.False(stats.IsValid);
        Assert.True(stats.Update(101, 160, Ptime));
        Assert.True(stats.IsValid);
        Assert.Equal(1, stats.Received);
        Assert.Equal(1, stats.Expected);
    }

    [Fact]
    public void Probation_restarts_on_out_of_sequence_packet()
    {
        var stats = new RtpSourceStatistics(1, 100);
        Assert.False(stats.Update(100, 0, TimeSpan.Zero));
        Assert.False(stats.Update(105, 800, Ptime));
        Assert.True(stats.Update(106, 960, Ptime * 2));
        Assert.True(stats.IsValid);
    }

    [Fact]
    public void Extended_sequence_counts_wraparound()
    {
        var stats = new RtpSourceStatistics(1, 65530);
        var accepted = Feed(stats, Range(65530, 20), 65530);

        Assert.Equal(19, accepted);
        Assert.Equal(65536u + 13, stats.ExtendedHighestSequence);
        Assert.Equal(19, stats.Expected);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void Lost_packets_count_and_fraction_lost_per_interval()
    {
        var stats = new RtpSourceStatistics(1, 0);
        var sequences = Range(0, 101).Where(s => s % 10 != 5).ToArray();
        Feed(stats, sequences);

        Assert.Equal(100, stats.Expected);
        Assert.Equal(10, stats.CumulativeLost);
        var block = stats.CreateReportBlock(TimeSpan.FromSeconds(3));
        Assert.Equal(10, block.CumulativeLost);
        Assert.Equal((byte)(10 * 256 / 100), block.FractionLost);
        Assert.Equal(100u, block.ExtendedHighestSequence);

        // The next interval had no loss.
        Feed(stats, Range(101, 50));
        Assert.Equal(0, stats.CreateReportBlock(TimeSpan.FromSeconds(4)).FractionLost);
    }

    [Fact]
    public void Duplicates_make_cumulative_lost_negative_and_fraction_zero()
    {
        var stats = new RtpSourceStatistics(1, 0);
        Feed(stats, Range(0, 10));
        Assert.True(stats.Update(8, 8 * 160, Ptime * 10));
        Assert.Equal(-1, stats.CumulativeLost);
        Assert.Equal(0, stats.CreateReportBlock(TimeSpan.Zero).FractionLost);
    }

    [Fact]
    public void Large_jump_is_rejected_until_the_next_packet_confirms_a_restart()
    {
        var stats = new RtpSourceStatistics(1, 0);
        Feed(stats, Range(0, 10));
        Assert.False(stats.Update(40000, 0, Ptime * 11));
        Assert.True(stats.Update(40001, 160, Ptime * 12));
        Assert.Equal(40001u, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.Received);
    }

    [Fact]
    public void Jitter_is_zero_for_perfect_spacing()
    {
        var stats = new RtpSourceStatistics(1, 0);
        Feed(stats, Range(0, 200));
        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void Jitter_converges_to_mean_deviation_for_alternating_delay()
    {
        // Every other packet arrives 4 ms late: |D| is 32 timestamp units each time, so J → 32.
        var stats = new RtpSourceStatistics(1, 0);
        for (var i = 0; i < 400; i++)
        {
            var arrival = (Ptime * i) + (i % 2 == 1 ? TimeSpan.FromMilliseconds(4) : TimeSpan.Zero);
            stats.Update((ushort)i, (uint)(i * 160), arrival);
        }

        Assert.InRange(stats.Jitter, 31u, 32u);
        Assert.InRange(stats.JitterMilliseconds, 3.9, 4.01);
    }

    [Fact]
    public void Jitter_ignores_timestamp_wraparound()
    {
        var stats = new RtpSourceStatistics(1, 0);
        for (var i = 0; i < 100; i++)
        {
            stats.Update((ushort)i, unchecked(0xFFFF_F000u + (uint)(i * 160)), Ptime * i);
        }

        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void Report_block_carries_lsr_and_dlsr_after_sender_report()
    {
        var stats = new RtpSourceStatistics(1, 0);
        Feed(stats, Range(0, 5));
        stats.OnSenderReport(0x1234_5678_9ABC_DEF0, TimeSpan.FromSeconds(10));
        var block = stats.CreateReportBlock(TimeSpan.FromSeconds(10.5));

        Assert.Equal(0x5678_9ABCu, block.LastSenderReport);
        Assert.Equal(32768u, block.DelaySinceLastSenderReport);
    }
}
