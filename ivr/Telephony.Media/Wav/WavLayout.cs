using System.Buffers.Binary;

namespace Telephony.Media.Wav;

/// <summary>Where the parts of a WAVE file sit, as found by walking its chunks.</summary>
internal readonly record struct WavLayout(
    WavFormat Format,
    uint DeclaredRiffSize,
    long DataHeaderOffset,
    uint DeclaredDataLength,
    long FactValueOffset)
{
    public long DataOffset => DataHeaderOffset + WavHeader.ChunkHeaderSize;

    /// <summary>
    /// Walks the chunks from the stream's current position (the start of the file) up to the data
    /// chunk, skipping any it does not know (LIST, bext, cue, padding). Leaves the stream positioned
    /// at the first data byte.
    /// </summary>
    public static WavLayout Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[WavHeader.RiffHeaderSize];
        ReadExactly(stream, header, "RIFF header");
        if (!header[..4].SequenceEqual(WavHeader.Riff) || !header[8..12].SequenceEqual(WavHeader.Wave))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        long position = WavHeader.RiffHeaderSize;
        WavFormat? format = null;
        long factValueOffset = -1;
        Span<byte> chunkHeader = stackalloc byte[WavHeader.ChunkHeaderSize];
        Span<byte> fmtBody = stackalloc byte[WavHeader.ExtendedFmtSize];
        while (true)
        {
            ReadExactly(stream, chunkHeader, "chunk header before the data chunk");
            var id = chunkHeader[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var bodyOffset = position + WavHeader.ChunkHeaderSize;
            if (id.SequenceEqual(WavHeader.Data))
            {
                if (format is null)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }

                return new WavLayout(format.Value, riffSize, position, size, factValueOffset);
            }

            long consumed = 0;
            if (id.SequenceEqual(WavHeader.Fmt))
            {
                if (size < WavHeader.PcmFmtSize)
                {
                    throw new InvalidDataException($"The fmt chunk is {size} bytes; at least 16 are required.");
                }

                var body = fmtBody[..WavHeader.PcmFmtSize];
                ReadExactly(stream, body, "fmt chunk");
                consumed = body.Length;
                format = ParseFormat(body);
            }
            else if (id.SequenceEqual(WavHeader.Fact) && size >= WavHeader.FactBodySize)
            {
                factValueOffset = bodyOffset;
            }

            // Chunks are word aligned: an odd-sized body is followed by one pad byte.
            var skip = size + (size & 1) - consumed;
            Skip(stream, skip);
            position = bodyOffset + size + (size & 1);
        }
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> body)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        var encoding = (WavEncoding)tag;
        var expectedBits = encoding switch
        {
            WavEncoding.Pcm16 => 16,
            WavEncoding.ALaw or WavEncoding.MuLaw => 8,
            _ => throw new InvalidDataException($"Unsupported WAVE format tag {tag}."),
        };

        if (bits != expectedBits)
        {
            throw new InvalidDataException($"Format tag {tag} with {bits} bits per sample is not supported.");
        }

        if (channels is 0 or > 8 || sampleRate is 0 or > 384_000)
        {
            throw new InvalidDataException($"Implausible format: {channels} channels at {sampleRate} Hz.");
        }

        return new WavFormat(encoding, (int)sampleRate, channels);
    }

    private static void Skip(Stream stream, long count)
    {
        if (count == 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> sink = stackalloc byte[512];
        while (count > 0)
        {
            var read = stream.Read(sink[..(int)Math.Min(count, sink.Length)]);
            if (read == 0)
            {
                throw new InvalidDataException("The file ends inside a chunk before the data chunk.");
            }

            count -= read;
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The file ends inside the {what}.", exception);
        }
    }
}
