using Microsoft.Extensions.Logging;
using Telephony.Media.Wav;
using Telephony.Recording.Encryption;
using Telephony.Recording.Store;

namespace Telephony.Recording;

/// <summary>
/// Start-up repair: every row this host left in <c>recording</c> belongs to a process that died mid-call. Its file's header
/// is fixed with <see cref="WavRepair"/> (sizes from the bytes present), then it is hashed (and encrypted when a key is
/// active) and the row marked <c>interrupted</c>. Run once before the first call is taken.
/// </summary>
public sealed class RecordingRecovery
{
    private readonly RecordingStore _store;
    private readonly RecordingOptions _options;
    private readonly RecordingFinisher _finisher;
    private readonly ILogger _logger;

    public RecordingRecovery(RecordingStore store, RecordingOptions options, RecordingCipher? cipher, ILogger<RecordingRecovery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _finisher = new RecordingFinisher(store, options, cipher);
        _logger = logger;
    }

    /// <summary>Repairs and closes this host's unfinished recordings; returns how many rows were marked interrupted.</summary>
    public async Task<int> RepairInterruptedAsync(CancellationToken cancellationToken)
    {
        var open = await _store.ListOpenAsync(_options.HostId, cancellationToken);
        foreach (var row in open)
        {
            var path = _finisher.FullPath(row.Path);
            try
            {
                var result = WavRepair.Repair(path);
                RecordingLog.InterruptedRepaired(_logger, row.Id, path, result.DataLength);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A file that never got its header is worthless; keep the row, marked interrupted, without file facts.
                RecordingLog.InterruptedUnreadable(_logger, row.Id, path, exception);
                if (File.Exists(path) && exception is InvalidDataException)
                {
                    File.Delete(path);
                }
            }

            await _finisher.FinishAsync(row, RecordingStatus.Interrupted, null, cancellationToken);
        }

        return open.Count;
    }
}
