namespace Telephony.Calls.Tests.Support;

/// <summary>Goertzel power of a frequency in 8 kHz audio, to tell which tone came through.</summary>
internal static class ToneAnalysis
{
    public static double Power(ReadOnlySpan<short> samples, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 8000);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    /// <summary>Asserts <paramref name="expected"/> carries at least 100 times (20 dB) the power of each other frequency.</summary>
    public static void AssertDominant(ReadOnlySpan<short> samples, double expected, params double[] others)
    {
        Assert.True(samples.Length >= 800, $"only {samples.Length} samples to analyse");
        var power = Power(samples, expected);
        foreach (var other in others)
        {
            var otherPower = Power(samples, other);
            Assert.True(power > 100 * otherPower, $"{expected} Hz power {power:E2} is not 20 dB above {other} Hz power {otherPower:E2}");
        }
    }
}
