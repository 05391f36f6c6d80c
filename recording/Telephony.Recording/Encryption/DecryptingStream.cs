using System.Security.Cryptography;

namespace Telephony.Recording.Encryption;

/// <summary>
/// A read-only, seekable view of an encrypted recording's plaintext: one chunk is decrypted (and authenticated) at a time,
/// so playback streams and HTTP range requests seek without decrypting the whole file. A tampered chunk throws
/// <see cref="CryptographicException"/>.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly FileStream _file;
    private readonly EncryptedRecordingHeader _header;
    private readonly AesGcm _aes;
    private readonly byte[] _plain;
    private readonly byte[] _sealed;
    private readonly byte[] _nonce = new byte[EncryptedRecordingFormat.NonceSize];
    private long _loadedChunk = -1;
    private int _loadedLength;
    private long _position;

    public DecryptingStream(FileStream file, EncryptedRecordingHeader header, byte[] key)
    {
        _file = file;
        _header = header;
        _aes = new AesGcm(key, EncryptedRecordingFormat.TagSize);
        _plain = new byte[header.ChunkSize];
        _sealed = new byte[header.ChunkSize + EncryptedRecordingFormat.TagSize];
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _header.PlaintextLength;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var chunk = _position / _header.ChunkSize;
        Load(chunk);
        var within = (int)(_position - (chunk * _header.ChunkSize));
        var count = Math.Min(buffer.Length, _loadedLength - within);
        _plain.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _file.Dispose();
            Array.Clear(_plain);
        }

        base.Dispose(disposing);
    }

    private void Load(long chunk)
    {
        if (chunk == _loadedChunk)
        {
            return;
        }

        var length = (int)Math.Min(_header.ChunkSize, Length - (chunk * _header.ChunkSize));
        var sealedLength = length + EncryptedRecordingFormat.TagSize;
        _file.Position = _header.ChunkOffset(chunk);
        try
        {
            _file.ReadExactly(_sealed, 0, sealedLength);
        }
        catch (EndOfStreamException exception)
        {
            throw new CryptographicException("The encrypted recording is truncated.", exception);
        }

        EncryptedRecordingFormat.ChunkNonce(_header.Salt, chunk, _nonce);
        _loadedChunk = -1;
        _aes.Decrypt(_nonce, _sealed.AsSpan(0, length), _sealed.AsSpan(length, EncryptedRecordingFormat.TagSize), _plain.AsSpan(0, length), _header.Bytes);
        _loadedChunk = chunk;
        _loadedLength = length;
    }
}
