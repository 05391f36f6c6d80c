using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Hands call records to the database off the call path: <see cref="Write"/> returns at once; rows go in batches, or to
/// the spool directory <c>&lt;spoolRoot&gt;/call_records</c> while the database is away.
/// </summary>
public sealed class CallRecordWriter(NpgsqlDataSource dataSource, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<CallRecordWriter> logger)
    : SpooledRecordWriter<CallRecord>(SpoolName, new CallRecordSink(dataSource), AcdStoreJsonContext.Default.CallRecord, spoolRoot, timeProvider, metrics, logger)
{
    public const string SpoolName = "call_records";

    /// <summary>Queues the record; an outcome or survey score the table would refuse throws here, at the caller.</summary>
    public void Write(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = RecordWords.Of(record.Outcome);
        if (record.SurveyScore is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record.SurveyScore, "Survey score must be between 1 and 5.");
        }

        Add(record);
    }
}
