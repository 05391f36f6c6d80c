namespace Telephony.Media.Audio;

/// <summary>Sizes of the 8 kHz narrowband frames the media layer works in.</summary>
public static class PcmFrame
{
    /// <summary>The narrowband sample rate.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples in one millisecond at 8 kHz.</summary>
    public const int SamplesPerMillisecond = SampleRate / 1000;

    /// <summary>Samples in the default 20 ms packetisation time.</summary>
    public const int Samples20Ms = 20 * SamplesPerMillisecond;

    /// <summary>Samples in <paramref name="milliseconds"/> at 8 kHz.</summary>
    public static int SamplesFor(int milliseconds) => milliseconds * SamplesPerMillisecond;
}
