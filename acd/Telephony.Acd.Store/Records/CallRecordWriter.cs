using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Hands call records to the database off the call path: <see cref="Write"/> returns at once; rows go in batches, or to
/// the spool directory <c>&lt;spoolRoot&gt;/call_records</c> while the database is away. Start once, stop at shutdown.
/// </summary>
public sealed class CallRecordWriter : IAsyncDisposable
{
    public const string SpoolName = "call_records";

    private readonly RecordSpool<CallRecord> _spool;

    public CallRecordWriter(NpgsqlDataSource dataSource, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<CallRecordWriter> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spoolRoot);
        _spool = new RecordSpool<CallRecord>(
            new CallRecordSink(dataSource),
            AcdStoreJsonContext.Default.CallRecord,
            new RecordSpoolOptions { Name = SpoolName, Directory = Path.Combine(spoolRoot, SpoolName) },
            timeProvider,
            metrics,
            logger);
    }

    /// <summary>Rows waiting in the spool files for the database.</summary>
    public long SpooledRows => _spool.SpooledRows;

    /// <summary>Queues the record; an outcome or survey score the table would refuse throws here, at the caller.</summary>
    public void Write(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = RecordWords.Of(record.Outcome);
        if (record.SurveyScore is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record.SurveyScore, "Survey score must be between 1 and 5.");
        }

        _spool.Add(record);
    }

    public void Start() => _spool.Start();

    public Task FlushAsync(CancellationToken cancellationToken) => _spool.FlushAsync(cancellationToken);

    /// <summary>Writes or spools every queued record; call at shutdown after the last call ended.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _spool.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _spool.DisposeAsync();
}
