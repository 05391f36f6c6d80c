namespace Telephony.Media.Wav;

/// <summary>The audio format of a WAVE file: encoding, sample rate and channel count.</summary>
public readonly record struct WavFormat
{
    /// <summary>Creates a format, rejecting values a WAVE header cannot describe.</summary>
    public WavFormat(WavEncoding encoding, int sampleRate, int channels)
    {
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Only PCM16, A-law and mu-law are supported.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 8);
        Encoding = encoding;
        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>8 kHz mono 16-bit PCM, the media layer's working format.</summary>
    public static WavFormat Pcm8kMono { get; } = new(WavEncoding.Pcm16, 8000, 1);

    /// <summary>8 kHz stereo 16-bit PCM, the recorder's two-party format (caller left, agent right).</summary>
    public static WavFormat Pcm8kStereo { get; } = new(WavEncoding.Pcm16, 8000, 2);

    /// <summary>The sample encoding.</summary>
    public WavEncoding Encoding { get; }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>Number of interleaved channels.</summary>
    public int Channels { get; }

    /// <summary>Bits per sample: 16 for PCM, 8 for G.711.</summary>
    public int BitsPerSample => Encoding == WavEncoding.Pcm16 ? 16 : 8;

    /// <summary>Bytes per sample frame (one sample for every channel).</summary>
    public int BlockAlign => Channels * BitsPerSample / 8;

    /// <summary>Bytes per second.</summary>
    public int ByteRate => SampleRate * BlockAlign;

    /// <summary>Whether the file carries a fact chunk (every non-PCM format must).</summary>
    public bool HasFactChunk => Encoding != WavEncoding.Pcm16;

    /// <summary>The playing time of <paramref name="dataBytes"/> bytes of audio.</summary>
    public TimeSpan DurationOf(long dataBytes) => TimeSpan.FromSeconds((double)(dataBytes / BlockAlign) / SampleRate);
}
