using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Hands queue events to the database off the call path, in the order written, through the spool directory
/// <c>&lt;spoolRoot&gt;/queue_events</c> while the database is away. Start once, stop at shutdown.
/// </summary>
public sealed class QueueEventWriter : IAsyncDisposable
{
    public const string SpoolName = "queue_events";

    private readonly RecordSpool<QueueEvent> _spool;

    public QueueEventWriter(NpgsqlDataSource dataSource, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<QueueEventWriter> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spoolRoot);
        _spool = new RecordSpool<QueueEvent>(
            new QueueEventSink(dataSource),
            AcdStoreJsonContext.Default.QueueEvent,
            new RecordSpoolOptions { Name = SpoolName, Directory = Path.Combine(spoolRoot, SpoolName) },
            timeProvider,
            metrics,
            logger);
    }

    public long SpooledRows => _spool.SpooledRows;

    public void Write(QueueEvent queueEvent)
    {
        ArgumentNullException.ThrowIfNull(queueEvent);
        _ = RecordWords.Of(queueEvent.Event);
        _spool.Add(queueEvent);
    }

    public void Start() => _spool.Start();

    public Task FlushAsync(CancellationToken cancellationToken) => _spool.FlushAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _spool.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _spool.DisposeAsync();
}
