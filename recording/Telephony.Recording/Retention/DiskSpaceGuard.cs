using Microsoft.Extensions.Logging;

namespace Telephony.Recording.Retention;

/// <summary>
/// Watches free space on the recordings disk. Below <see cref="RecordingOptions.MinFreeBytes"/> it raises the alarm once
/// (log event and the <c>telephony.recording.disk_low</c> gauge) and clears it when space returns. Checked by the writer loop
/// on each flush and by the service when a conversation starts.
/// </summary>
public sealed class DiskSpaceGuard
{
    private readonly long _threshold;
    private readonly Func<long> _freeBytes;
    private readonly RecordingMetrics _metrics;
    private readonly ILogger _logger;
    private int _low;

    /// <summary>Measures the disk holding the recordings directory.</summary>
    public DiskSpaceGuard(RecordingOptions options, RecordingMetrics metrics, ILogger<DiskSpaceGuard> logger)
        : this(options, metrics, logger, () => FreeBytesOf(options.RecordingsDirectory))
    {
    }

    /// <summary>Measures free space with <paramref name="freeBytes"/> (tests).</summary>
    public DiskSpaceGuard(RecordingOptions options, RecordingMetrics metrics, ILogger<DiskSpaceGuard> logger, Func<long> freeBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        _threshold = options.MinFreeBytes;
        _freeBytes = freeBytes;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>True while the last check found the disk below the threshold.</summary>
    public bool IsLow => Volatile.Read(ref _low) != 0;

    /// <summary>Measures now; returns true when the disk is low.</summary>
    public bool Check()
    {
        var free = _freeBytes();
        var low = free < _threshold;
        _metrics.DiskChecked(free, low);
        var wasLow = Interlocked.Exchange(ref _low, low ? 1 : 0) != 0;
        if (low && !wasLow)
        {
            RecordingLog.DiskLow(_logger, free, _threshold);
        }
        else if (!low && wasLow)
        {
            RecordingLog.DiskRecovered(_logger, free);
        }

        return low;
    }

    private static long FreeBytesOf(string directory)
    {
        Directory.CreateDirectory(directory);
        return new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace;
    }
}
