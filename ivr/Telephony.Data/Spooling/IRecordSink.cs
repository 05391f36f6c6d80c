namespace Telephony.Data.Spooling;

/// <summary>Where a <see cref="RecordSpool{TRecord}"/> writes: one table (or a few) in the database.</summary>
public interface IRecordSink<TRecord>
{
    /// <summary>
    /// Writes the rows in the given order, all or nothing (one statement or one transaction). Must be idempotent:
    /// after a crash the spool replays rows that may already be in the database, and those must not appear twice.
    /// </summary>
    Task WriteAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}
