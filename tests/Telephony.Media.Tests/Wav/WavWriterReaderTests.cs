using System.Buffers.Binary;
using System.Text;
using Telephony.Media.Codecs;
using Telephony.Media.Wav;

namespace Telephony.Media.Tests.Wav;

public sealed class WavWriterReaderTests
{
    private static short[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (short)((i * 97) - 20000))];

    [Theory]
    [InlineData(8000, 1)]
    [InlineData(8000, 2)]
    [InlineData(44100, 2)]
    [InlineData(16000, 1)]
    public void Pcm16_round_trip_preserves_format_and_samples(int sampleRate, int channels)
    {
        var format = new WavFormat(WavEncoding.Pcm16, sampleRate, channels);
        var samples = Ramp(channels * 300);
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, format, leaveOpen: true))
        {
            writer.WriteSamples(samples);
        }

        Assert.Equal(44 + (samples.Length * 2), stream.Length);
        stream.Position = 0;
        using var reader = WavReader.Open(stream, leaveOpen: true);
        Assert.Equal(format, reader.Format);
        Assert.Equal(300, reader.SampleFrames);
        Assert.False(reader.IsTruncated);
        Assert.Equal(samples, reader.ReadAllSamples());
    }

    [Fact]
    public void Pcm16_header_fields_are_canonical()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm8kStereo, leaveOpen: true))
        {
            writer.WriteSamples(new short[16]);
        }

        var bytes = stream.ToArray();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(bytes, 8, 8));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(32000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal("data", Encoding.ASCII.GetString(bytes, 36, 4));
        Assert.Equal(32u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
    }

    [Theory]
    [InlineData(WavEncoding.MuLaw, 7)]
    [InlineData(WavEncoding.ALaw, 6)]
    public void G711_file_has_extended_fmt_and_fact_chunk(WavEncoding encoding, int tag)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new WavFormat(encoding, 8000, 1), leaveOpen: true))
        {
            writer.WriteSamples(Ramp(161));
        }

        var bytes = stream.ToArray();
        Assert.Equal(18u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(tag, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(36)));
        Assert.Equal("fact", Encoding.ASCII.GetString(bytes, 38, 4));
        Assert.Equal(161u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(46)));
        Assert.Equal("data", Encoding.ASCII.GetString(bytes, 50, 4));
        Assert.Equal(161u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(54)));

        // 161 data bytes is odd: a pad byte follows and is counted in the RIFF size only.
        Assert.Equal(58 + 162, bytes.Length);
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
    }

    [Fact]
    public void G711_reader_decodes_to_linear_samples()
    {
        var samples = Ramp(400);
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new WavFormat(WavEncoding.ALaw, 8000, 1), leaveOpen: true))
        {
            writer.WriteSamples(samples);
        }

        stream.Position = 0;
        using var reader = WavReader.Open(stream, leaveOpen: true);
        var expected = samples.Select(s => ALaw.Decode(ALaw.Encode(s))).ToArray();
        Assert.Equal(expected, reader.ReadAllSamples());
    }

    [Fact]
    public void Reader_skips_list_chunk_and_odd_sized_chunk_before_data()
    {
        using var stream = new MemoryStream();
        var audio = Ramp(10);
        using (var body = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            body.Write("RIFF"u8);
            body.Write(0u);
            body.Write("WAVE"u8);
            body.Write("LIST"u8);
            body.Write(5u);
            body.Write("INFOx"u8);
            body.Write((byte)0);
            body.Write("fmt "u8);
            body.Write(16u);
            body.Write((ushort)1);
            body.Write((ushort)1);
            body.Write(8000u);
            body.Write(16000u);
            body.Write((ushort)2);
            body.Write((ushort)16);
            body.Write("data"u8);
            body.Write((uint)(audio.Length * 2));
            foreach (var sample in audio)
            {
                body.Write(sample);
            }

            body.Write("LIST"u8);
            body.Write(4u);
            body.Write("INFO"u8);
        }

        stream.Position = 0;
        using var reader = WavReader.Open(stream, leaveOpen: true);
        Assert.Equal(WavFormat.Pcm8kMono, reader.Format);
        Assert.Equal(audio, reader.ReadAllSamples());
    }

    [Theory]
    [InlineData("RIFX")]
    [InlineData("JUNK")]
    public void Reader_rejects_non_riff_input(string magic)
    {
        var bytes = Encoding.ASCII.GetBytes(magic + "\0\0\0\0WAVE");
        Assert.Throws<InvalidDataException>(() => WavReader.Open(new MemoryStream(bytes)));
    }

    [Fact]
    public void Reader_rejects_unsupported_format_tag()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true))
        {
            writer.WriteSamples(new short[4]);
        }

        var bytes = stream.ToArray();
        bytes[20] = 3; // IEEE float
        Assert.Throws<InvalidDataException>(() => WavReader.Open(new MemoryStream(bytes)));
    }

    [Fact]
    public void Reader_of_truncated_header_throws_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => WavReader.Open(new MemoryStream("RIFF\0\0"u8.ToArray())));
    }

    [Fact]
    public void G711_header_matches_the_one_sox_writes()
    {
        // speech-en-8k-mulaw.wav was written by SoX; our writer must produce the same 58-byte header.
        var soxFile = File.ReadAllBytes(TestDataFiles.PathOf("speech-en-8k-mulaw.wav"));
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new WavFormat(WavEncoding.MuLaw, 8000, 1), leaveOpen: true))
        {
            writer.Write(soxFile.AsSpan(58));
        }

        Assert.Equal(soxFile, stream.ToArray());
    }
}
