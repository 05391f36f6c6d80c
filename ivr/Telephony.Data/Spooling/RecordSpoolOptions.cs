namespace Telephony.Data.Spooling;

/// <summary>Settings of one <see cref="RecordSpool{TRecord}"/>.</summary>
public sealed record RecordSpoolOptions
{
    /// <summary>Short name for logs and the metric tag, e.g. "call_records".</summary>
    public required string Name { get; init; }

    /// <summary>The spool's own directory (e.g. DATA/spool/call_records); created when missing.</summary>
    public required string Directory { get; init; }

    /// <summary>Most rows per database write.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Longest a row waits in memory before a write is attempted.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the spool files are retried while the database is away.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows per spool file before a new one is started.</summary>
    public int SegmentRows { get; init; } = 10_000;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SegmentRows);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlushInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryInterval, TimeSpan.Zero);
    }
}
