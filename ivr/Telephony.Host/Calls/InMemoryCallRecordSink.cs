using System.Collections.Concurrent;

namespace Telephony.Host.Calls;

/// <summary>Keeps the latest records in memory: the sink until the ACD store's writers are wired in, and for tests.</summary>
public sealed class InMemoryCallRecordSink : ICallRecordSink
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<HotlineCallRecord> _records = new();
    private readonly ConcurrentQueue<QueueEventRecord> _events = new();

    public IReadOnlyList<HotlineCallRecord> Records => [.. _records];

    public IReadOnlyList<QueueEventRecord> Events => [.. _events];

    public ValueTask WriteAsync(HotlineCallRecord record, IReadOnlyList<QueueEventRecord> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        _records.Enqueue(record);
        foreach (var queueEvent in events)
        {
            _events.Enqueue(queueEvent);
        }

        while (_records.Count > Capacity && _records.TryDequeue(out _))
        {
            // Oldest records go first; this sink is a window, not storage.
        }

        while (_events.Count > Capacity * 8 && _events.TryDequeue(out _))
        {
            // Same window for the events.
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask WriteEventsAsync(IReadOnlyList<QueueEventRecord> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var queueEvent in events)
        {
            _events.Enqueue(queueEvent);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
