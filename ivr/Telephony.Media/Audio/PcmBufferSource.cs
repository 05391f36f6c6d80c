using Telephony.Media.Wav;

namespace Telephony.Media.Audio;

/// <summary>
/// Plays audio held in memory once (a cached prompt). Prompts are loaded and decoded off the media
/// thread (<see cref="LoadWav"/>); the buffer can be shared by any number of sources at once.
/// </summary>
public sealed class PcmBufferSource : IPcmSource
{
    private readonly ReadOnlyMemory<short> _samples;
    private int _position;

    /// <summary>Plays <paramref name="samples"/> (8 kHz mono) from the start.</summary>
    public PcmBufferSource(ReadOnlyMemory<short> samples)
    {
        _samples = samples;
    }

    /// <summary>Samples left to play.</summary>
    public int Remaining => _samples.Length - _position;

    /// <summary>
    /// Reads a WAVE prompt (PCM16, A-law or mu-law) that must be 8 kHz mono, decoded to linear
    /// samples; throws <see cref="InvalidDataException"/> naming the file otherwise (no resampling here).
    /// </summary>
    public static short[] LoadWav(string path)
    {
        using var reader = WavReader.Open(path);
        if (reader.Format.SampleRate != PcmFrame.SampleRate || reader.Format.Channels != 1)
        {
            throw new InvalidDataException($"Prompt {path} is {reader.Format.SampleRate} Hz, {reader.Format.Channels} channel(s); 8000 Hz mono is required.");
        }

        return reader.ReadAllSamples();
    }

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        var count = Math.Min(frame.Length, Remaining);
        _samples.Span.Slice(_position, count).CopyTo(frame);
        _position += count;
        return count;
    }
}
