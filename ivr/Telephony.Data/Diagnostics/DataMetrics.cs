using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Telephony.Data.Diagnostics;

/// <summary>
/// Instruments of the shared database plumbing on the "Telephony.Data" meter: how many rows wait in each record
/// spool's files (telephony.data.spool_depth, tag "spool") and in memory, and rows written or refused.
/// One instance per process; every <see cref="Spooling.RecordSpool{TRecord}"/> reports through it.
/// </summary>
public sealed class DataMetrics : IDisposable
{
    public const string MeterName = "Telephony.Data";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, Func<(long OnDisk, long InMemory)>> _spools = new(StringComparer.Ordinal);
    private readonly Counter<long> _written;
    private readonly Counter<long> _spooled;
    private readonly Counter<long> _rejected;

    public DataMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("telephony.data.spool_depth", () => Observe(depth => depth.OnDisk), "{row}",
            "Rows kept in a spool's files because the database could not take them yet.");
        _meter.CreateObservableGauge("telephony.data.spool_pending", () => Observe(depth => depth.InMemory), "{row}",
            "Rows handed to a spool and not yet written or spooled to disk.");
        _written = _meter.CreateCounter<long>("telephony.data.spool_written", "{row}", "Rows a spool wrote to the database.");
        _spooled = _meter.CreateCounter<long>("telephony.data.spool_spooled", "{row}", "Rows a spool put on disk while the database was away.");
        _rejected = _meter.CreateCounter<long>("telephony.data.spool_rejected", "{row}", "Rows the database refused, kept in the spool's rejected folder.");
    }

    public void Dispose() => _meter.Dispose();

    internal void Track(string spool, Func<(long OnDisk, long InMemory)> depth) => _spools[spool] = depth;

    /// <summary>Stops reporting the spool, unless a newer one of the same name has taken its place.</summary>
    internal void Untrack(string spool, Func<(long OnDisk, long InMemory)> depth) => _spools.TryRemove(new(spool, depth));

    internal void Written(string spool, int rows) => _written.Add(rows, Tag(spool));

    internal void Spooled(string spool, int rows) => _spooled.Add(rows, Tag(spool));

    internal void Rejected(string spool, int rows) => _rejected.Add(rows, Tag(spool));

    private static KeyValuePair<string, object?> Tag(string spool) => new("spool", spool);

    private IEnumerable<Measurement<long>> Observe(Func<(long OnDisk, long InMemory), long> pick) =>
        _spools.Select(pair => new Measurement<long>(pick(pair.Value()), Tag(pair.Key)));
}
