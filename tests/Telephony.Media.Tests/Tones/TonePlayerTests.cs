using Telephony.Media.Audio;
using Telephony.Media.Tones;

namespace Telephony.Media.Tests.Tones;

public sealed class TonePlayerTests
{
    private static short[] Play(IPcmSource source, int milliseconds)
    {
        var samples = new short[PcmFrame.SamplesFor(milliseconds)];
        for (var offset = 0; offset < samples.Length; offset += PcmFrame.Samples20Ms)
        {
            source.Read(samples.AsSpan(offset, PcmFrame.Samples20Ms));
        }

        return samples;
    }

    /// <summary>Power of one frequency component (single-bin DFT), normalised by length.</summary>
    internal static double PowerAt(ReadOnlySpan<short> samples, double frequency)
    {
        double re = 0, im = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var angle = 2 * Math.PI * frequency * n / PcmFrame.SampleRate;
            re += samples[n] * Math.Cos(angle);
            im -= samples[n] * Math.Sin(angle);
        }

        return ((re * re) + (im * im)) / samples.Length / samples.Length;
    }

    [Fact]
    public void EuropeanRingback_is_425_hz_for_one_second_then_silent_for_four()
    {
        var samples = Play(new TonePlayer(CallProgressTones.EuropeanRingback), 10_000);
        var on = samples.AsSpan(0, 8000);
        var off = samples.AsSpan(8000, 32000);

        Assert.True(PowerAt(on, 425) > 1000 * PowerAt(on, 600));
        Assert.All(off.ToArray(), sample => Assert.Equal(0, sample));
        Assert.Contains(samples.Skip(40_000).Take(8000), sample => sample != 0);
    }

    [Fact]
    public void NorthAmericanRingback_holds_440_and_480_hz_for_two_seconds()
    {
        var samples = Play(new TonePlayer(CallProgressTones.NorthAmericanRingback), 6000);
        var on = samples.AsSpan(0, 16000);

        Assert.True(PowerAt(on, 440) > 1000 * PowerAt(on, 460));
        Assert.True(PowerAt(on, 480) > 1000 * PowerAt(on, 460));
        Assert.All(samples.Skip(16000).ToArray(), sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void EuropeanBusy_alternates_half_seconds()
    {
        var samples = Play(new TonePlayer(CallProgressTones.EuropeanBusy), 2000);
        Assert.Contains(samples[..4000], sample => sample != 0);
        Assert.All(samples[4000..8000], sample => Assert.Equal(0, sample));
        Assert.Contains(samples[8000..12000], sample => sample != 0);
    }

    [Fact]
    public void Beep_ends_after_its_duration()
    {
        var player = new TonePlayer(CallProgressTones.Beep);
        var frame = new short[PcmFrame.Samples20Ms];
        var total = 0;
        int read;
        while ((read = player.Read(frame)) == frame.Length)
        {
            total += read;
        }

        Assert.Equal(2000, total + read);
        Assert.Equal(0, player.Read(frame));
    }

    [Fact]
    public void Tone_level_matches_requested_dbm0()
    {
        var samples = Play(new TonePlayer(CallProgressTones.EuropeanRingback), 1000);
        var peak = samples.Max(sample => Math.Abs((int)sample));
        Assert.InRange(peak, ToneGenerator.AmplitudeFromDbm0(-10) - 2, ToneGenerator.AmplitudeFromDbm0(-10) + 2);
    }

    [Fact]
    public void Generator_is_phase_continuous_across_frames()
    {
        var generator = new ToneGenerator();
        generator.SetTone(1000, 0, 10000);
        var joined = new short[320];
        generator.Generate(joined.AsSpan(0, 160));
        generator.Generate(joined.AsSpan(160, 160));

        var reference = new ToneGenerator();
        reference.SetTone(1000, 0, 10000);
        var whole = new short[320];
        reference.Generate(whole);

        for (var i = 0; i < whole.Length; i++)
        {
            Assert.InRange(joined[i] - whole[i], -1, 1);
        }
    }

    [Fact]
    public void Generator_rejects_clipping_amplitude()
    {
        var generator = new ToneGenerator();
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.SetTone(440, 480, 20000));
    }

    [Fact]
    public void Silence_source_with_duration_ends()
    {
        var source = new SilenceSource(TimeSpan.FromMilliseconds(30));
        var frame = new short[160];
        Assert.Equal(160, source.Read(frame));
        Assert.Equal(80, source.Read(frame));
        Assert.Equal(0, source.Read(frame));
    }
}
