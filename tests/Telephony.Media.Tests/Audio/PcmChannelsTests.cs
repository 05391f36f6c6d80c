using Telephony.Media.Audio;

namespace Telephony.Media.Tests.Audio;

public sealed class PcmChannelsTests
{
    [Fact]
    public void Interleave_puts_caller_left_and_agent_right()
    {
        var stereo = new short[6];
        PcmChannels.Interleave([1, 2, 3], [-1, -2, -3], stereo);
        Assert.Equal([1, -1, 2, -2, 3, -3], stereo);
    }

    [Fact]
    public void Deinterleave_reverses_interleave()
    {
        short[] left = new short[3], right = new short[3];
        PcmChannels.Deinterleave([1, -1, 2, -2, 3, -3], left, right);
        Assert.Equal([1, 2, 3], left);
        Assert.Equal([-1, -2, -3], right);
    }

    [Fact]
    public void Mix_saturates_instead_of_wrapping()
    {
        short[] mix = [30000, -30000, 5];
        PcmChannels.MixInto(mix, [10000, -10000, 5]);
        Assert.Equal([short.MaxValue, short.MinValue, 10], mix);
    }

    [Fact]
    public void Mismatched_lengths_throw()
    {
        Assert.Throws<ArgumentException>(() => PcmChannels.Interleave(new short[3], new short[2], new short[6]));
        Assert.Throws<ArgumentException>(() => PcmChannels.Interleave(new short[3], new short[3], new short[5]));
    }
}
