namespace Telephony.Media.Audio;

/// <summary>Silence, either endless or for a fixed duration (a pause between prompts).</summary>
public sealed class SilenceSource : IPcmSource
{
    private long _remainingSamples;

    /// <summary>Endless silence.</summary>
    public SilenceSource()
    {
        _remainingSamples = long.MaxValue;
    }

    /// <summary>Silence lasting <paramref name="duration"/> at 8 kHz.</summary>
    public SilenceSource(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _remainingSamples = (long)(duration.TotalSeconds * PcmFrame.SampleRate);
    }

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        var count = (int)Math.Min(frame.Length, _remainingSamples);
        frame[..count].Clear();
        _remainingSamples -= count;
        return count;
    }
}
