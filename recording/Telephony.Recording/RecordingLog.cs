using Microsoft.Extensions.Logging;

namespace Telephony.Recording;

/// <summary>Source-generated log events of the recording module (event ids 5000–5999).</summary>
internal static partial class RecordingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Writing recording {Path} failed; the call goes on unrecorded from here")]
    public static partial void WriteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Could not start recording {RecordingId}; the call goes on unrecorded")]
    public static partial void StartFailed(ILogger logger, Guid recordingId, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Recordings disk low: {FreeBytes} bytes free, threshold {ThresholdBytes}")]
    public static partial void DiskLow(ILogger logger, long freeBytes, long thresholdBytes);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Recordings disk back above threshold: {FreeBytes} bytes free")]
    public static partial void DiskRecovered(ILogger logger, long freeBytes);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Recording {RecordingId} skipped: recordings disk low")]
    public static partial void RecordingSkipped(ILogger logger, Guid recordingId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Recording {RecordingId} lasts {DurationMs} ms but the talk time was {TalkMs} ms")]
    public static partial void LengthMismatch(ILogger logger, Guid recordingId, long durationMs, long talkMs);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Recording {RecordingId} was interrupted; repaired {Path} ({DataBytes} audio bytes)")]
    public static partial void InterruptedRepaired(ILogger logger, Guid recordingId, string path, long dataBytes);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Recording {RecordingId} was interrupted and its file {Path} is missing or unreadable")]
    public static partial void InterruptedUnreadable(ILogger logger, Guid recordingId, string path, Exception? exception);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Retention deleted recording {RecordingId} ({Path})")]
    public static partial void RetentionDeleted(ILogger logger, Guid recordingId, string path);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Retention could not delete {Path} of recording {RecordingId}")]
    public static partial void RetentionDeleteFailed(ILogger logger, Guid recordingId, string path, Exception exception);
}
