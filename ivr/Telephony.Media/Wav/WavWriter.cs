using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Telephony.Media.Codecs;

namespace Telephony.Media.Wav;

/// <summary>
/// Writes a WAVE file as audio arrives. The header goes out first with zero sizes; <see cref="Flush"/>
/// and disposal rewrite it with the sizes so far (on a seekable stream), so a crash loses at most
/// what came after the last flush, and <see cref="WavRepair"/> can recover even that.
/// The data chunk is always the last chunk, which is what repair relies on.
/// </summary>
public sealed class WavWriter : IDisposable, IAsyncDisposable
{
    private const int EncodeChunkSamples = 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _headerOffset;
    private bool _disposed;

    /// <summary>Starts a WAVE file at the stream's current position.</summary>
    public WavWriter(Stream stream, WavFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _headerOffset = stream.CanSeek ? stream.Position : 0;
        Span<byte> header = stackalloc byte[WavHeader.MaxSize];
        _stream.Write(header[..WavHeader.Write(header, format, 0)]);
    }

    /// <summary>The format being written.</summary>
    public WavFormat Format { get; }

    /// <summary>Audio bytes written so far.</summary>
    public long DataLength { get; private set; }

    /// <summary>Creates (or overwrites) a WAVE file at <paramref name="path"/>.</summary>
    public static WavWriter Create(string path, WavFormat format) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read), format, leaveOpen: false);

    /// <summary>Appends audio bytes in the file's encoding (whole sample frames).</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        EnsureRoomFor(data.Length);
        _stream.Write(data);
        DataLength += data.Length;
    }

    /// <summary>Appends audio bytes in the file's encoding (whole sample frames).</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        EnsureRoomFor(data.Length);
        await _stream.WriteAsync(data, cancellationToken);
        DataLength += data.Length;
    }

    /// <summary>Appends interleaved linear samples, encoding them to G.711 when the file holds G.711.</summary>
    public void WriteSamples(ReadOnlySpan<short> samples)
    {
        if (Format.Encoding == WavEncoding.Pcm16)
        {
            if (BitConverter.IsLittleEndian)
            {
                Write(MemoryMarshal.AsBytes(samples));
                return;
            }

            Span<short> swapped = stackalloc short[EncodeChunkSamples];
            for (var offset = 0; offset < samples.Length; offset += EncodeChunkSamples)
            {
                var chunk = samples.Slice(offset, Math.Min(EncodeChunkSamples, samples.Length - offset));
                BinaryPrimitives.ReverseEndianness(chunk, swapped);
                Write(MemoryMarshal.AsBytes(swapped[..chunk.Length]));
            }

            return;
        }

        var law = Format.Encoding == WavEncoding.ALaw ? G711Law.ALaw : G711Law.MuLaw;
        Span<byte> codes = stackalloc byte[EncodeChunkSamples];
        for (var offset = 0; offset < samples.Length; offset += EncodeChunkSamples)
        {
            var chunk = samples.Slice(offset, Math.Min(EncodeChunkSamples, samples.Length - offset));
            Write(codes[..G711.Encode(law, chunk, codes)]);
        }
    }

    /// <summary>Pushes buffered audio to the stream and records the current sizes in the header.</summary>
    public void Flush()
    {
        UpdateHeader(pad: false);
        _stream.Flush();
    }

    /// <summary>Pushes buffered audio to the stream and records the current sizes in the header.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        UpdateHeader(pad: false);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        UpdateHeader(pad: true);
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        UpdateHeader(pad: true);
        await _stream.FlushAsync();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync();
        }
    }

    private void EnsureRoomFor(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (DataLength + count > uint.MaxValue - WavHeader.MaxSize)
        {
            throw new InvalidOperationException("A WAVE file cannot hold more than 4 GiB of audio.");
        }
    }

    private void UpdateHeader(bool pad)
    {
        if (pad && (DataLength & 1) != 0)
        {
            // RIFF chunks are word aligned; the pad byte is not counted in the data size.
            _stream.WriteByte(0);
        }

        if (!_stream.CanSeek)
        {
            return;
        }

        var end = _stream.Position;
        Span<byte> header = stackalloc byte[WavHeader.MaxSize];
        var size = WavHeader.Write(header, Format, (uint)DataLength);
        _stream.Position = _headerOffset;
        _stream.Write(header[..size]);
        _stream.Position = end;
    }
}
