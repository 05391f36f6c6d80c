namespace Telephony.Host.Calls;

/// <summary>Where finished calls go (the ACD store's spooled CallRecordWriter/QueueEventWriter implement it).</summary>
public interface ICallRecordSink
{
    /// <summary>Takes the record and its queue events; must not block the call on the database.</summary>
    ValueTask WriteAsync(HotlineCallRecord record, IReadOnlyList<QueueEventRecord> events, CancellationToken cancellationToken);

    /// <summary>Takes queue events that belong to no call ending now (a callback's dial, made long after its call ended).</summary>
    ValueTask WriteEventsAsync(IReadOnlyList<QueueEventRecord> events, CancellationToken cancellationToken);

    /// <summary>Writes out whatever is buffered (at shutdown).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
