using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Telephony.Data.Diagnostics;

namespace Telephony.Data.Spooling;

/// <summary>
/// The shape every component's write-behind writer shares: rows handed over off the call path go to the database in
/// batches, or to the spool directory <c>&lt;spoolRoot&gt;/&lt;name&gt;</c> while the database is away. Subclasses
/// add the typed write method that checks a row before queueing it. Start once, stop at shutdown.
/// </summary>
public abstract class SpooledRecordWriter<TRecord> : IAsyncDisposable
{
    private readonly RecordSpool<TRecord> _spool;

    protected SpooledRecordWriter(
        string name, IRecordSink<TRecord> sink, JsonTypeInfo<TRecord> json, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spoolRoot);
        _spool = new RecordSpool<TRecord>(
            sink, json, new RecordSpoolOptions { Name = name, Directory = Path.Combine(spoolRoot, name) }, timeProvider, metrics, logger);
    }

    /// <summary>Rows waiting in the spool files for the database.</summary>
    public long SpooledRows => _spool.SpooledRows;

    public void Start() => _spool.Start();

    public Task FlushAsync(CancellationToken cancellationToken) => _spool.FlushAsync(cancellationToken);

    /// <summary>Writes or spools every queued row; call at shutdown after the last call ended.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _spool.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _spool.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Queues a row that has passed the subclass's checks.</summary>
    protected void Add(TRecord record) => _spool.Add(record);
}
