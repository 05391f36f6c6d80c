using Telephony.Calls.Media;

namespace Telephony.Calls.MediaPlane;

public sealed partial class CallMedia
{
    private CallRecorder? _recorder;

    /// <summary>
    /// Records the caller into an 8 kHz mono PCM WAV at <paramref name="path"/>, after a beep if asked, until
    /// the maximum duration, the stop digit, cancellation or the end of the call. The file is created at once
    /// and is a valid WAV at every moment, also when the call ends mid-way.
    /// </summary>
    public async Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var recorder = new CallRecorder(path, options.MaxDuration, options.StopDigit, _logger);
        var end = await RunRecordingAsync(recorder, options, cancellationToken).ConfigureAwait(false);
        var duration = await recorder.CloseAsync().ConfigureAwait(false);
        return new RecordResult(duration, end);
    }

    private async Task<RecordEnd> RunRecordingAsync(CallRecorder recorder, RecordOptions options, CancellationToken cancellationToken)
    {
        if (options.BeepFirst)
        {
            var beep = await PlayAsync([AudioSource.Tone(ToneKind.Beep, TimeSpan.FromMilliseconds(250))], PlaybackOptions.Once, cancellationToken).ConfigureAwait(false);
            if (beep.Outcome is PlaybackOutcome.CallEnded)
            {
                return RecordEnd.CallEnded;
            }

            if (beep.Outcome is PlaybackOutcome.Cancelled)
            {
                return RecordEnd.Cancelled;
            }
        }

        lock (_stateLock)
        {
            if (IsDisposed)
            {
                return RecordEnd.CallEnded;
            }

            _recorder?.Stop(RecordEnd.Cancelled);
            _recorder = recorder;
            _inbound.Sink = recorder;
        }

        try
        {
            using var registration = cancellationToken.Register(() => recorder.Stop(RecordEnd.Cancelled));
            return await recorder.Ended.ConfigureAwait(false);
        }
        finally
        {
            lock (_stateLock)
            {
                if (_recorder == recorder)
                {
                    _recorder = null;
                    _inbound.Sink = null;
                }
            }
        }
    }
}
