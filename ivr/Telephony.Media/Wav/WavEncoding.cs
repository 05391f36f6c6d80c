namespace Telephony.Media.Wav;

/// <summary>The sample encodings we read and write, valued as their WAVE format tags.</summary>
public enum WavEncoding
{
    /// <summary>Linear PCM, 16 bits per sample, little-endian (WAVE_FORMAT_PCM).</summary>
    Pcm16 = 1,

    /// <summary>G.711 A-law, 8 bits per sample (WAVE_FORMAT_ALAW).</summary>
    ALaw = 6,

    /// <summary>G.711 mu-law, 8 bits per sample (WAVE_FORMAT_MULAW).</summary>
    MuLaw = 7,
}
