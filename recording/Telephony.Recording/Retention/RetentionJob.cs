using Microsoft.Extensions.Logging;
using Telephony.Recording.Store;

namespace Telephony.Recording.Retention;

/// <summary>
/// Deletes recordings older than their queue's retention (<c>recording_retention</c>, else
/// <see cref="RecordingOptions.DefaultRetentionDays"/>): the file goes, the row stays with <c>deleted_at</c> set so reports
/// and the access log keep their references. Legal holds are never deleted. The host runs it daily.
/// </summary>
public sealed class RetentionJob
{
    private readonly RecordingStore _store;
    private readonly RecordingOptions _options;
    private readonly RecordingMetrics _metrics;
    private readonly ILogger _logger;

    public RetentionJob(RecordingStore store, RecordingOptions options, RecordingMetrics metrics, ILogger<RetentionJob> logger)
    {
        _store = store;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Deletes what expired by <paramref name="now"/>; returns how many recordings were deleted.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var row in await _store.ListExpiredAsync(now, _options.DefaultRetentionDays, cancellationToken))
        {
            // Mark first: the update skips a row put on legal hold since the listing, so a hold always wins.
            if (!await _store.MarkDeletedAsync(row.Id, now, cancellationToken))
            {
                continue;
            }

            var path = Path.Combine(_options.DataDirectory, row.Path);
            try
            {
                File.Delete(path);
                deleted++;
                _metrics.DeletedByRetention();
                RecordingLog.RetentionDeleted(_logger, row.Id, path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                RecordingLog.RetentionDeleteFailed(_logger, row.Id, path, exception);
            }
        }

        return deleted;
    }
}
