using Telephony.Calls.Media;
using Telephony.Recording;
using Telephony.Recording.Recorder;

namespace Telephony.Host.Recording;

/// <summary>
/// One bridged conversation's tap: the recording starts (row, file) off the media thread as soon as the tap exists; audio
/// that arrives before the file is open is not kept, which the recorder's alignment turns into leading silence, so the
/// file still lasts as long as the conversation. At the bridge's end the recording is finished in the background.
/// </summary>
internal sealed class RecordingTap : IMediaTap
{
    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(10);

    private readonly RecordingService _service;
    private readonly RecordingStart _start;
    private readonly RecordingReadiness _readiness;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _startedAt;
    private readonly Task<ActiveRecording?> _starting;
    private readonly TaskCompletionSource<TimeSpan> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActiveRecording? _active;

    public RecordingTap(RecordingService service, RecordingStart start, RecordingReadiness readiness, RecordingWorkTracker tracker, TimeProvider time, ILogger logger)
    {
        _service = service;
        _start = start;
        _readiness = readiness;
        _time = time;
        _logger = logger;
        _startedAt = time.GetTimestamp();
        _starting = StartAsync();
        Completion = FinishWhenEndedAsync();
        tracker.Track(Completion);
    }

    /// <summary>Completes when the recording's row is final (or nothing was recorded).</summary>
    public Task Completion { get; }

    public void OnAudio(TapChannel channel, long samplePosition, ReadOnlySpan<short> pcm) =>
        Volatile.Read(ref _active)?.Write(channel == TapChannel.Caller ? RecordingChannel.Caller : RecordingChannel.Agent, samplePosition, pcm);

    public void OnEnded() => _ended.TrySetResult(_time.GetElapsedTime(_startedAt));

    private async Task<ActiveRecording?> StartAsync()
    {
        await Task.Yield();
        try
        {
            var recovered = await _readiness.Recovered.WaitAsync(RecoveryWait, _time).ConfigureAwait(false);
            if (!recovered)
            {
                return null;
            }

            var active = await _service.StartConversationAsync(_start, CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _active, active);
            return active;
        }
        catch (TimeoutException)
        {
            RecordingHostLog.NotRecordedBeforeRecovery(_logger, _start.CallId);
            return null;
        }
#pragma warning disable CA1031 // Recording trouble must never reach the call; it is logged and the call goes on unrecorded.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RecordingHostLog.RecordingFailed(_logger, _start.CallId, exception);
            return null;
        }
    }

    private async Task FinishWhenEndedAsync()
    {
        var talkTime = await _ended.Task.ConfigureAwait(false);
        var active = await _starting.ConfigureAwait(false);
        if (active is null)
        {
            return;
        }

        Volatile.Write(ref _active, null);
        try
        {
            var row = await _service.FinishConversationAsync(active, talkTime, CancellationToken.None).ConfigureAwait(false);
            RecordingHostLog.RecordingFinished(_logger, row.Id, row.CallId, row.Status, row.DurationMs ?? 0);
        }
#pragma warning disable CA1031 // As above: a failed finish leaves the row 'recording' for the next start's recovery.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RecordingHostLog.RecordingFailed(_logger, _start.CallId, exception);
        }
    }
}
