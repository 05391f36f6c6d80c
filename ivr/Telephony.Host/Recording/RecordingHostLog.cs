namespace Telephony.Host.Recording;

/// <summary>The host's recording wiring log events (band 9600).</summary>
internal static partial class RecordingHostLog
{
    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Recording recovery: {Count} recordings left open by a previous run marked interrupted")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Error, Message = "Recording recovery failed; conversations are not recorded until the host restarts")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9603, Level = LogLevel.Warning, Message = "Conversation of call {CallId} not recorded: start-up recovery has not finished")]
    public static partial void NotRecordedBeforeRecovery(ILogger logger, Guid callId);

    [LoggerMessage(EventId = 9604, Level = LogLevel.Error, Message = "Recording of call {CallId} failed")]
    public static partial void RecordingFailed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(EventId = 9605, Level = LogLevel.Information, Message = "Recording {RecordingId} of call {CallId} finished: {Status}, {DurationMs} ms")]
    public static partial void RecordingFinished(ILogger logger, Guid recordingId, Guid callId, Telephony.Recording.Store.RecordingStatus status, long durationMs);

    [LoggerMessage(EventId = 9606, Level = LogLevel.Information, Message = "Retention deleted {Count} recordings")]
    public static partial void RetentionRan(ILogger logger, int count);

    [LoggerMessage(EventId = 9607, Level = LogLevel.Error, Message = "Retention run failed; next try at the next interval")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9608, Level = LogLevel.Information, Message = "Demo scorecard '{FormId}' published")]
    public static partial void DemoScorecardSeeded(ILogger logger, string formId);
}
