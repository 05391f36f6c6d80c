using Telephony.Media.Quality;
using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Quality;

public sealed class MosEstimatorTests
{
    [Fact]
    public void Perfect_network_rates_about_4_4()
    {
        var estimate = MosEstimator.Estimate(0, 0, 0, ptimeMilliseconds: 0);
        Assert.Equal(93.2, estimate.RFactor, 3);
        Assert.InRange(estimate.Mos, 4.40, 4.42);
    }

    [Fact]
    public void Typical_good_call_stays_above_4()
    {
        Assert.True(MosEstimator.Estimate(0.5, 5, 40).Mos > 4.0);
    }

    [Fact]
    public void Loss_lowers_mos_more_without_concealment()
    {
        var withPlc = MosEstimator.Estimate(3, 10, 50);
        var withoutPlc = MosEstimator.Estimate(3, 10, 50, concealment: false);
        Assert.True(withPlc.Mos < MosEstimator.Estimate(0, 10, 50).Mos);
        Assert.True(withoutPlc.Mos < withPlc.Mos);
    }

    [Fact]
    public void Delay_beyond_the_knee_costs_more_per_millisecond()
    {
        var below = MosEstimator.Estimate(0, 0, 100).RFactor - MosEstimator.Estimate(0, 0, 150).RFactor;
        var above = MosEstimator.Estimate(0, 0, 250).RFactor - MosEstimator.Estimate(0, 0, 300).RFactor;
        Assert.True(above > 4 * below);
    }

    [Fact]
    public void Mos_is_clamped_to_1_and_4_5()
    {
        Assert.Equal(1, MosEstimator.Estimate(100, 500, 2000).Mos);
        Assert.Equal(4.5, MosEstimator.MosFromR(120));
    }

    [Fact]
    public void From_statistics_uses_loss_jitter_and_half_the_round_trip()
    {
        var statistics = new RtpSourceStatistics(1, 0);
        for (var i = 0; i <= 100; i++)
        {
            if (i % 20 != 7)
            {
                statistics.Update((ushort)i, (uint)(i * 160), TimeSpan.FromMilliseconds(20 * i));
            }
        }

        var estimate = MosEstimator.FromStatistics(statistics, TimeSpan.FromMilliseconds(100));
        Assert.Equal(MosEstimator.Estimate(5, 0, 50).Mos, estimate.Mos, 6);
    }
}
