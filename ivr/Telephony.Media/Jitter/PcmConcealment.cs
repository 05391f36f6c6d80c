namespace Telephony.Media.Jitter;

/// <summary>
/// Simple packet-loss concealment for decoded 8 kHz audio: the first missing frame repeats the last
/// good frame at half level, the second at a quarter, and from the third on silence follows, so a
/// single lost packet is bridged without a click and a long gap fades out instead of buzzing.
/// </summary>
public static class PcmConcealment
{
    /// <summary>Consecutive missing frames after which only silence is produced.</summary>
    public const int MaxRepeatedFrames = 2;

    /// <summary>Fills <paramref name="frame"/> for the <paramref name="consecutiveMissing"/>-th missing frame in a row (1-based).</summary>
    public static void Conceal(Span<short> frame, ReadOnlySpan<short> lastGoodFrame, int consecutiveMissing)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutiveMissing);
        if (consecutiveMissing > MaxRepeatedFrames || lastGoodFrame.Length < frame.Length)
        {
            frame.Clear();
            return;
        }

        var shift = consecutiveMissing;
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(lastGoodFrame[i] >> shift);
        }
    }
}
