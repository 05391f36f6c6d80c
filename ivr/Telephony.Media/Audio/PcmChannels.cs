namespace Telephony.Media.Audio;

/// <summary>
/// Channel helpers for 16-bit PCM: interleaving two mono legs into a stereo frame (the recorder's
/// caller-left, agent-right file), splitting a stereo frame, and mixing legs with saturation
/// (supervisor monitoring, a mono copy of a call).
/// </summary>
public static class PcmChannels
{
    /// <summary>Writes <c>left[i], right[i]</c> pairs into <paramref name="stereo"/> (twice the mono length).</summary>
    public static void Interleave(ReadOnlySpan<short> left, ReadOnlySpan<short> right, Span<short> stereo)
    {
        if (left.Length != right.Length || stereo.Length < 2 * left.Length)
        {
            throw new ArgumentException("Both legs need the same length and the destination twice that.", nameof(stereo));
        }

        for (var i = 0; i < left.Length; i++)
        {
            stereo[2 * i] = left[i];
            stereo[(2 * i) + 1] = right[i];
        }
    }

    /// <summary>Splits interleaved stereo into two mono legs.</summary>
    public static void Deinterleave(ReadOnlySpan<short> stereo, Span<short> left, Span<short> right)
    {
        var frames = stereo.Length / 2;
        if (left.Length < frames || right.Length < frames)
        {
            throw new ArgumentException("Each leg needs half the stereo length.", nameof(left));
        }

        for (var i = 0; i < frames; i++)
        {
            left[i] = stereo[2 * i];
            right[i] = stereo[(2 * i) + 1];
        }
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="mix"/>, saturating at the 16-bit limits.</summary>
    public static void MixInto(Span<short> mix, ReadOnlySpan<short> source)
    {
        if (source.Length > mix.Length)
        {
            throw new ArgumentException("The source is longer than the mix.", nameof(source));
        }

        for (var i = 0; i < source.Length; i++)
        {
            mix[i] = (short)Math.Clamp(mix[i] + source[i], short.MinValue, short.MaxValue);
        }
    }
}
