using System.Buffers;
using System.Runtime.InteropServices;
using Telephony.Media.Codecs;

namespace Telephony.Media.Wav;

/// <summary>
/// Reads the audio of a WAVE file (PCM16, A-law or mu-law) as a stream of bytes or of linear
/// samples. Unknown chunks before the data (LIST, bext…) are skipped. When the declared data
/// length is missing or runs past the end of a seekable file, as after a writer crashed, the
/// audio that is actually there is read.
/// </summary>
public sealed class WavReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private long _remaining;

    private WavReader(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        var layout = WavLayout.Read(stream);
        Format = layout.Format;
        DataOffset = layout.DataOffset;
        DataLength = layout.DeclaredDataLength;
        if (stream.CanSeek)
        {
            var available = stream.Length - DataOffset;
            var unfinished = layout.DeclaredDataLength is 0 or uint.MaxValue && layout.DeclaredRiffSize <= DataOffset - WavHeader.ChunkHeaderSize;
            if (unfinished || DataLength > available)
            {
                DataLength = available;
                IsTruncated = true;
            }
        }

        DataLength -= DataLength % Format.BlockAlign;
        _remaining = DataLength;
    }

    /// <summary>The audio format.</summary>
    public WavFormat Format { get; }

    /// <summary>Offset of the first audio byte in the file.</summary>
    public long DataOffset { get; }

    /// <summary>Audio bytes that will be read, whole sample frames only.</summary>
    public long DataLength { get; }

    /// <summary>Number of sample frames (one sample per channel each).</summary>
    public long SampleFrames => DataLength / Format.BlockAlign;

    /// <summary>The playing time.</summary>
    public TimeSpan Duration => Format.DurationOf(DataLength);

    /// <summary>True when the header's data size was wrong and the length came from the file size.</summary>
    public bool IsTruncated { get; }

    /// <summary>Opens a WAVE file for reading.</summary>
    public static WavReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan), leaveOpen: false);

    /// <summary>Reads the header from <paramref name="stream"/>, which must be at the file's start.</summary>
    public static WavReader Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new WavReader(stream, leaveOpen);
    }

    /// <summary>Reads audio bytes as stored in the file; returns 0 at the end of the data.</summary>
    public int Read(Span<byte> buffer)
    {
        if (_remaining == 0)
        {
            return 0;
        }

        var read = _stream.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        _remaining -= read;
        return read;
    }

    /// <summary>
    /// Reads interleaved linear samples, decoding G.711 when the file holds it; returns the number
    /// of samples read, 0 at the end of the data.
    /// </summary>
    public int ReadSamples(Span<short> samples)
    {
        if (Format.Encoding == WavEncoding.Pcm16)
        {
            var bytes = MemoryMarshal.AsBytes(samples);
            var total = 0;
            int read;
            while (total < bytes.Length && (read = Read(bytes[total..])) > 0)
            {
                total += read;
            }

            if (!BitConverter.IsLittleEndian)
            {
                System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(samples[..(total / 2)], samples[..(total / 2)]);
            }

            return total / 2;
        }

        var law = Format.Encoding == WavEncoding.ALaw ? G711Law.ALaw : G711Law.MuLaw;
        var codes = ArrayPool<byte>.Shared.Rent(samples.Length);
        try
        {
            var count = 0;
            int read;
            while (count < samples.Length && (read = Read(codes.AsSpan(count, samples.Length - count))) > 0)
            {
                count += read;
            }

            return G711.Decode(law, codes.AsSpan(0, count), samples);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(codes);
        }
    }

    /// <summary>Reads every remaining sample, decoding G.711 when needed.</summary>
    public short[] ReadAllSamples()
    {
        var samples = new short[_remaining / (Format.BitsPerSample / 8)];
        var count = ReadSamples(samples);
        return count == samples.Length ? samples : samples[..count];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
