using System.Buffers.Binary;
using System.Text;

namespace Telephony.Recording.Encryption;

/// <summary>
/// The layout of an encrypted recording (<c>.wav.enc</c>): a header — magic <c>TRE1</c>, plaintext length (8 bytes),
/// chunk size (4), file salt (8), key id length (1) and key id (UTF-8) — then the plaintext in fixed-size chunks, each
/// AES-256-GCM ciphertext followed by its 16-byte tag. Chunk <c>i</c>'s nonce is the salt followed by <c>i</c>, and the
/// header is every chunk's associated data, so chunks cannot be reordered, swapped between files or the file truncated
/// unnoticed. Fixed chunk sizes put chunk <c>i</c> at a computable offset, which is what lets playback seek.
/// </summary>
internal static class EncryptedRecordingFormat
{
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int SaltSize = 8;
    public const int DefaultChunkSize = 64 * 1024;
    private const int FixedHeaderSize = 4 + 8 + 4 + SaltSize + 1;

    public static ReadOnlySpan<byte> Magic => "TRE1"u8;

    public static byte[] WriteHeader(long plaintextLength, int chunkSize, ReadOnlySpan<byte> salt, string keyId)
    {
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        var header = new byte[FixedHeaderSize + keyIdBytes.Length];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(4), plaintextLength);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), chunkSize);
        salt.CopyTo(header.AsSpan(16));
        header[16 + SaltSize] = (byte)keyIdBytes.Length;
        keyIdBytes.CopyTo(header.AsSpan(FixedHeaderSize));
        return header;
    }

    /// <summary>Reads the header from the start of <paramref name="stream"/>.</summary>
    public static EncryptedRecordingHeader ReadHeader(Stream stream)
    {
        var fixedPart = new byte[FixedHeaderSize];
        stream.ReadExactly(fixedPart);
        if (!fixedPart.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an encrypted recording.");
        }

        var keyIdBytes = new byte[fixedPart[16 + SaltSize]];
        stream.ReadExactly(keyIdBytes);
        var plaintextLength = BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(4));
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(fixedPart.AsSpan(12));
        if (plaintextLength < 0 || chunkSize is <= 0 or > 16 * 1024 * 1024)
        {
            throw new InvalidDataException("The encrypted recording's header is corrupt.");
        }

        return new EncryptedRecordingHeader(
            [.. fixedPart, .. keyIdBytes],
            plaintextLength,
            chunkSize,
            fixedPart.AsSpan(16, SaltSize).ToArray(),
            Encoding.UTF8.GetString(keyIdBytes));
    }

    public static void ChunkNonce(ReadOnlySpan<byte> salt, long chunkIndex, Span<byte> nonce)
    {
        salt.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[SaltSize..], checked((uint)chunkIndex));
    }
}
