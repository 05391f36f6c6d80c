using Telephony.Recording.Encryption;
using Telephony.Recording.Store;

namespace Telephony.Recording;

/// <summary>Opens a recording for playback as a seekable WAV stream, decrypting transparently when it is stored encrypted.</summary>
public sealed class RecordingReader
{
    private readonly RecordingStore _store;
    private readonly RecordingOptions _options;
    private readonly RecordingCipher? _cipher;

    public RecordingReader(RecordingStore store, RecordingOptions options, RecordingCipher? cipher)
    {
        _store = store;
        _options = options;
        _cipher = cipher;
    }

    /// <summary>
    /// The playable WAV of recording <paramref name="id"/>, or null when there is none to play (unknown, deleted, skipped,
    /// still being recorded, or its file is gone). The caller disposes the stream and logs the access.
    /// </summary>
    public async Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await _store.GetAsync(id, cancellationToken);
        if (row is null || row.DeletedAt is not null || row.Status is RecordingStatus.Skipped or RecordingStatus.Recording || row.SizeBytes is null or 0)
        {
            return null;
        }

        var path = Path.Combine(_options.DataDirectory, row.Path);
        if (!File.Exists(path))
        {
            return null;
        }

        if (row.KeyId is null)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }

        var cipher = _cipher ?? throw new InvalidOperationException($"Recording {id} is encrypted with key '{row.KeyId}' but no keys are configured.");
        return cipher.OpenRead(path);
    }
}
