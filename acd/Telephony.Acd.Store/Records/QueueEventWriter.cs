using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Hands queue events to the database off the call path, in the order written, through the spool directory
/// <c>&lt;spoolRoot&gt;/queue_events</c> while the database is away.
/// </summary>
public sealed class QueueEventWriter(NpgsqlDataSource dataSource, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<QueueEventWriter> logger)
    : SpooledRecordWriter<QueueEvent>(SpoolName, new QueueEventSink(dataSource), AcdStoreJsonContext.Default.QueueEvent, spoolRoot, timeProvider, metrics, logger)
{
    public const string SpoolName = "queue_events";

    /// <summary>Queues the event; an event kind the table would refuse throws here, at the caller.</summary>
    public void Write(QueueEvent queueEvent)
    {
        ArgumentNullException.ThrowIfNull(queueEvent);
        _ = RecordWords.Of(queueEvent.Event);
        Add(queueEvent);
    }
}
