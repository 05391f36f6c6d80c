using System.Diagnostics.Metrics;

namespace Telephony.Recording;

/// <summary>
/// The recording module's instruments on the meter <c>Telephony.Recording</c>: bytes written, write failures, recordings
/// started/skipped/flagged, free disk bytes and the low-disk alarm (1 while below the threshold). The host exports them.
/// </summary>
public sealed class RecordingMetrics : IDisposable
{
    public const string MeterName = "Telephony.Recording";

    private readonly Meter _meter;
    private readonly Counter<long> _bytesWritten;
    private readonly Counter<long> _writeFailures;
    private readonly Counter<long> _started;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _lengthMismatches;
    private readonly Counter<long> _deletedByRetention;
    private long _freeBytes = -1;
    private int _diskLow;

    public RecordingMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _bytesWritten = _meter.CreateCounter<long>("bytes_written", unit: "By", description: "Audio bytes written to recording files.");
        _writeFailures = _meter.CreateCounter<long>("write_failures", description: "Recordings that stopped because a write failed.");
        _started = _meter.CreateCounter<long>("started", description: "Recordings started.");
        _skipped = _meter.CreateCounter<long>("skipped", description: "Conversations not recorded because the disk was low.");
        _lengthMismatches = _meter.CreateCounter<long>("length_mismatches", description: "Recordings whose length disagreed with the talk time.");
        _deletedByRetention = _meter.CreateCounter<long>("retention_deleted", description: "Recordings deleted by retention.");
        _meter.CreateObservableGauge("disk_free_bytes", () => Interlocked.Read(ref _freeBytes), unit: "By", description: "Free bytes on the recordings disk.");
        _meter.CreateObservableGauge("disk_low", () => Volatile.Read(ref _diskLow), description: "1 while the recordings disk is below its free-space threshold.");
    }

    internal Meter Meter => _meter;

    internal void BytesWritten(long bytes)
    {
        if (bytes > 0)
        {
            _bytesWritten.Add(bytes);
        }
    }

    internal void WriteFailed() => _writeFailures.Add(1);

    internal void Started() => _started.Add(1);

    internal void Skipped() => _skipped.Add(1);

    internal void LengthMismatch() => _lengthMismatches.Add(1);

    internal void DeletedByRetention() => _deletedByRetention.Add(1);

    internal void DiskChecked(long freeBytes, bool low)
    {
        Interlocked.Exchange(ref _freeBytes, freeBytes);
        Volatile.Write(ref _diskLow, low ? 1 : 0);
    }

    public void Dispose() => _meter.Dispose();
}
