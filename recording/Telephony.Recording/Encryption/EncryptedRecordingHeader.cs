namespace Telephony.Recording.Encryption;

/// <summary>A parsed encrypted-recording header; <see cref="Bytes"/> is the associated data of every chunk.</summary>
internal sealed record EncryptedRecordingHeader(byte[] Bytes, long PlaintextLength, int ChunkSize, byte[] Salt, string KeyId)
{
    public long ChunkCount => (PlaintextLength + ChunkSize - 1) / ChunkSize;

    public long ChunkOffset(long index) => Bytes.Length + (index * (ChunkSize + EncryptedRecordingFormat.TagSize));
}
