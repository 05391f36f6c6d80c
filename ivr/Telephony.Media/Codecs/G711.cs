namespace Telephony.Media.Codecs;

/// <summary>Dispatches G.711 encode/decode by <see cref="G711Law"/>, for code that holds the law as data.</summary>
public static class G711
{
    /// <summary>G.711 always samples at 8 kHz.</summary>
    public const int SampleRate = 8000;

    /// <summary>Encodes linear samples with the given law.</summary>
    public static int Encode(G711Law law, ReadOnlySpan<short> samples, Span<byte> codes) =>
        law == G711Law.ALaw ? ALaw.Encode(samples, codes) : MuLaw.Encode(samples, codes);

    /// <summary>Decodes code words of the given law to linear samples.</summary>
    public static int Decode(G711Law law, ReadOnlySpan<byte> codes, Span<short> samples) =>
        law == G711Law.ALaw ? ALaw.Decode(codes, samples) : MuLaw.Decode(codes, samples);

    /// <summary>The code word for silence in the given law.</summary>
    public static byte SilenceCode(G711Law law) => law == G711Law.ALaw ? ALaw.Silence : MuLaw.Silence;

    /// <summary>Fills <paramref name="codes"/> with silence in the given law.</summary>
    public static void FillSilence(G711Law law, Span<byte> codes) => codes.Fill(SilenceCode(law));
}
