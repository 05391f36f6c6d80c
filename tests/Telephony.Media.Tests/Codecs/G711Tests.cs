using System.Globalization;
using Telephony.Media.Codecs;

namespace Telephony.Media.Tests.Codecs;

public sealed class G711Tests
{
    public static TheoryData<string, string, byte, short, string> Vectors()
    {
        var data = new TheoryData<string, string, byte, short, string>();
        foreach (var row in TestDataFiles.ReadCsv("g711-vectors.csv"))
        {
            data.Add(row[0], row[1], byte.Parse(row[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                short.Parse(row[3], CultureInfo.InvariantCulture), row[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Codec_reference_vector_matches(string law, string operation, byte code, short linear, string note)
    {
        if (operation == "decode")
        {
            var decoded = law == "mu" ? MuLaw.Decode(code) : ALaw.Decode(code);
            Assert.True(decoded == linear, $"{note}: decode {code:X2} gave {decoded}, expected {linear}");
        }
        else
        {
            var encoded = law == "mu" ? MuLaw.Encode(linear) : ALaw.Encode(linear);
            Assert.True(encoded == code, $"{note}: encode {linear} gave {encoded:X2}, expected {code:X2}");
        }
    }

    [Fact]
    public void MuLaw_table_matches_formula_for_every_sample()
    {
        for (var value = short.MinValue; value < short.MaxValue; value++)
        {
            Assert.Equal(MuLaw.EncodeByFormula(value), MuLaw.Encode(value));
        }
    }

    [Fact]
    public void ALaw_table_matches_formula_for_every_sample()
    {
        for (var value = short.MinValue; value < short.MaxValue; value++)
        {
            Assert.Equal(ALaw.EncodeByFormula(value), ALaw.Encode(value));
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Encode_of_decoded_code_returns_same_code_except_negative_zero(G711Law law)
    {
        Span<short> linear = stackalloc short[1];
        Span<byte> again = stackalloc byte[1];
        for (var code = 0; code < 256; code++)
        {
            G711.Decode(law, [(byte)code], linear);
            G711.Encode(law, linear, again);
            var isMuLawNegativeZero = law == G711Law.MuLaw && code == 0x7F;
            Assert.Equal(isMuLawNegativeZero ? MuLaw.Silence : (byte)code, again[0]);
        }
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Decode_is_monotonic_over_positive_and_negative_codes(G711Law law)
    {
        var levels = Enumerable.Range(0, 256).Select(code => (int)(law == G711Law.ALaw ? ALaw.Decode((byte)code) : MuLaw.Decode((byte)code)))
            .Order().ToArray();
        Assert.Equal(-levels[^1], levels[0]);
        Assert.Equal(law == G711Law.MuLaw ? 32124 : 32256, levels[^1]);
    }

    [Fact]
    public void Span_encode_decode_round_trip_stays_within_quantisation_step()
    {
        var samples = Enumerable.Range(0, 800).Select(i => (short)(Math.Sin(i * 0.05) * 20000)).ToArray();
        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];

        Assert.Equal(samples.Length, MuLaw.Encode(samples, codes));
        MuLaw.Decode(codes, decoded);

        for (var i = 0; i < samples.Length; i++)
        {
            // The largest mu-law step is 1024 (segment 7), so the error is at most half of it plus the bias rounding.
            Assert.InRange(Math.Abs(samples[i] - decoded[i]), 0, 1024);
        }
    }

    [Fact]
    public void Encode_destination_too_short_throws()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[4], new byte[3]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(new byte[4], new short[3]));
    }

    public static TheoryData<string, byte, byte> TranscodingVectors()
    {
        var data = new TheoryData<string, byte, byte>();
        foreach (var row in TestDataFiles.ReadCsv("g711-transcoding.csv"))
        {
            data.Add(row[0], byte.Parse(row[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), byte.Parse(row[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TranscodingVectors))]
    public void Transcoder_matches_g711_tables_3_and_4_for_both_signs(string direction, byte from, byte to)
    {
        Func<byte, byte> convert = direction == "mu-to-a" ? G711Transcoder.MuLawToALaw : G711Transcoder.ALawToMuLaw;
        Assert.Equal(to, convert(from));
        Assert.Equal((byte)(to & 0x7F), convert((byte)(from & 0x7F)));
    }

    [Fact]
    public void Transcoder_maps_silence_and_full_scale_between_laws()
    {
        Assert.Equal(ALaw.Silence, G711Transcoder.MuLawToALaw(MuLaw.Silence));
        Assert.Equal(0x55, G711Transcoder.MuLawToALaw(0x7F));
        Assert.Equal(0xAA, G711Transcoder.MuLawToALaw(0x80));
        Assert.Equal(0x2A, G711Transcoder.MuLawToALaw(0x00));
        Assert.Equal(0x80, G711Transcoder.ALawToMuLaw(0xAA));
        Assert.Equal(0xFE, G711Transcoder.ALawToMuLaw(ALaw.Silence));
    }

    [Fact]
    public void Transcoder_span_form_converts_in_place()
    {
        byte[] buffer = [0xFF, 0x80, 0x00, 0x7F];
        G711Transcoder.MuLawToALaw(buffer, buffer);
        Assert.Equal(new byte[] { 0xD5, 0xAA, 0x2A, 0x55 }, buffer);
        G711Transcoder.ALawToMuLaw(buffer, buffer);
        Assert.Equal(new byte[] { 0xFE, 0x80, 0x00, 0x7E }, buffer);
    }
}
