using Telephony.Recording.Encryption;
using Telephony.Recording.Store;

namespace Telephony.Recording;

/// <summary>
/// The steps every recording goes through once its file is closed: hash it, encrypt it when a key is active (removing the
/// clear copy) and write the facts to its row. Shared by the service and start-up recovery.
/// </summary>
internal sealed class RecordingFinisher
{
    private readonly RecordingStore _store;
    private readonly RecordingOptions _options;
    private readonly RecordingCipher? _cipher;

    public RecordingFinisher(RecordingStore store, RecordingOptions options, RecordingCipher? cipher)
    {
        _store = store;
        _options = options;
        _cipher = cipher;
    }

    public string FullPath(string relativePath) => Path.Combine(_options.DataDirectory, relativePath);

    public async Task<RecordingRow> FinishAsync(RecordingRow row, RecordingStatus status, TimeSpan? talkTime, CancellationToken cancellationToken)
    {
        var path = FullPath(row.Path);
        RecordingFinish finish;
        if (TryDescribe(path) is var (format, duration))
        {
            var size = new FileInfo(path).Length;
            var sha = await RecordingFiles.Sha256HexAsync(path, cancellationToken);
            var mismatch = talkTime is { } talk && (duration - talk).Duration() > _options.LengthMismatchTolerance;
            var storedPath = row.Path;
            string? keyId = null;
            if (_cipher?.ActiveKeyId is { } activeKey)
            {
                storedPath = row.Path + RecordingFiles.EncryptedSuffix;
                await _cipher.EncryptFileAsync(path, FullPath(storedPath), cancellationToken);
                File.Delete(path);
                keyId = activeKey;
            }

            finish = new RecordingFinish(
                status, (long)duration.TotalMilliseconds, talkTime is null ? null : (long)talkTime.Value.TotalMilliseconds, size, sha,
                RecordingFiles.Codec(format), mismatch, storedPath, keyId);
        }
        else
        {
            finish = new RecordingFinish(RecordingStatus.Interrupted, 0, talkTime is null ? null : (long)talkTime.Value.TotalMilliseconds, 0, null, null, false, row.Path, null);
        }

        await _store.FinishAsync(row.Id, finish, cancellationToken);
        return row with
        {
            Status = finish.Status,
            DurationMs = finish.DurationMs,
            TalkMs = finish.TalkMs,
            SizeBytes = finish.SizeBytes,
            Sha256 = finish.Sha256,
            Codec = finish.Codec,
            LengthMismatch = finish.LengthMismatch,
            Path = finish.Path,
            KeyId = finish.KeyId,
        };
    }

    /// <summary>The file's format and playing time, or null when it is missing or not a readable WAV (a header never written).</summary>
    private static (Telephony.Media.Wav.WavFormat Format, TimeSpan Duration)? TryDescribe(string path)
    {
        try
        {
            return File.Exists(path) ? RecordingFiles.Describe(path) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
