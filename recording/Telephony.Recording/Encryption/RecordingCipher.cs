using System.Buffers;
using System.Security.Cryptography;

namespace Telephony.Recording.Encryption;

/// <summary>Encrypts a finished recording file into the chunked AES-GCM format and opens encrypted files for reading.</summary>
public sealed class RecordingCipher
{
    private readonly RecordingKeyRing _keys;
    private readonly int _chunkSize;

    public RecordingCipher(RecordingKeyRing keys)
        : this(keys, EncryptedRecordingFormat.DefaultChunkSize)
    {
    }

    internal RecordingCipher(RecordingKeyRing keys, int chunkSize)
    {
        _keys = keys;
        _chunkSize = chunkSize;
    }

    /// <summary>The key new files are encrypted with, or null when encryption is off.</summary>
    public string? ActiveKeyId => _keys.ActiveKeyId;

    /// <summary>Writes <paramref name="sourcePath"/> encrypted with the active key to <paramref name="destinationPath"/>.</summary>
    public async Task EncryptFileAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken)
    {
        var keyId = _keys.ActiveKeyId ?? throw new InvalidOperationException("Encryption is off: Recording:Encryption:ActiveKeyId is empty.");
        await using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var destination = new FileStream(destinationPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        var salt = RandomNumberGenerator.GetBytes(EncryptedRecordingFormat.SaltSize);
        var header = EncryptedRecordingFormat.WriteHeader(source.Length, _chunkSize, salt, keyId);
        await destination.WriteAsync(header, cancellationToken);
        using var aes = new AesGcm(_keys.GetKey(keyId), EncryptedRecordingFormat.TagSize);
        var plain = ArrayPool<byte>.Shared.Rent(_chunkSize);
        var sealedChunk = ArrayPool<byte>.Shared.Rent(_chunkSize + EncryptedRecordingFormat.TagSize);
        var nonce = new byte[EncryptedRecordingFormat.NonceSize];
        try
        {
            for (long index = 0; ; index++)
            {
                var read = await source.ReadAtLeastAsync(plain.AsMemory(0, _chunkSize), _chunkSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                EncryptedRecordingFormat.ChunkNonce(salt, index, nonce);
                aes.Encrypt(nonce, plain.AsSpan(0, read), sealedChunk.AsSpan(0, read), sealedChunk.AsSpan(read, EncryptedRecordingFormat.TagSize), header);
                await destination.WriteAsync(sealedChunk.AsMemory(0, read + EncryptedRecordingFormat.TagSize), cancellationToken);
            }

            await destination.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedChunk);
        }
    }

    /// <summary>Opens an encrypted file as a seekable, read-only stream of its plaintext.</summary>
    public Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        try
        {
            var header = EncryptedRecordingFormat.ReadHeader(file);
            return new DecryptingStream(file, header, _keys.GetKey(header.KeyId));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
