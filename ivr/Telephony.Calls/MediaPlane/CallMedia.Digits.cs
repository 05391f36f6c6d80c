using Telephony.Calls.Events;
using Telephony.Calls.Media;

namespace Telephony.Calls.MediaPlane;

public sealed partial class CallMedia
{
    private DigitCollector? _collector;

    /// <summary>True while digits are being collected.</summary>
    public bool IsCollecting => Volatile.Read(ref _collector) is not null;

    /// <summary>A digit the signalling layer received (SIP INFO); handled like an RFC 4733 digit.</summary>
    public void InjectDigit(char digit) => OnDigit(digit, DtmfSource.SipInfo);

    /// <summary>
    /// Plays the options' prompt with barge-in (a key pressed during it is the first digit), then collects
    /// digits until the maximum count, the terminator (not included) or a timeout. When a key was already pressed
    /// (it interrupted the playback before this question), the caller has answered ahead: the prompt is skipped,
    /// as playing it would make them wait and a key pressed during it would replace the first one.
    /// </summary>
    public async Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Prompt.Count > 0 && options.AlreadyPressed is null)
        {
            var played = await PlayAsync(options.Prompt, PlaybackOptions.Interruptible, cancellationToken).ConfigureAwait(false);
            switch (played.Outcome)
            {
                case PlaybackOutcome.InterruptedByDigit:
                    options = options with { AlreadyPressed = played.Digit, Prompt = [] };
                    break;
                case PlaybackOutcome.CallEnded:
                    return new DigitsResult(string.Empty, DigitsEnd.CallEnded);
                case PlaybackOutcome.Cancelled:
                    return new DigitsResult(string.Empty, DigitsEnd.Cancelled);
            }
        }

        using var collector = new DigitCollector(options, _timeProvider);
        lock (_stateLock)
        {
            if (IsDisposed)
            {
                return new DigitsResult(string.Empty, DigitsEnd.CallEnded);
            }

            _collector?.Finish(DigitsEnd.Cancelled);
            _collector = collector;
        }

        try
        {
            collector.Start();
            using var registration = cancellationToken.Register(() => collector.Finish(DigitsEnd.Cancelled));
            return await collector.Completion.ConfigureAwait(false);
        }
        finally
        {
            lock (_stateLock)
            {
                if (_collector == collector)
                {
                    _collector = null;
                }
            }
        }
    }

    private void OnDigit(char digit, DtmfSource source)
    {
        lock (_stateLock)
        {
            if (_recorder is { } recorder && recorder.StopDigit == digit)
            {
                recorder.Stop(RecordEnd.StopDigit);
            }
            else if (_playback is { BargeIn: true } playback)
            {
                StopPlaybackLocked(playback, new PlaybackResult(PlaybackOutcome.InterruptedByDigit, digit));
            }
            else
            {
                _collector?.OnDigit(digit);
            }
        }

        DigitReceived?.Invoke(digit, source);
    }

    private void EndOperations()
    {
        lock (_stateLock)
        {
            if (_playback is { } playback)
            {
                StopPlaybackLocked(playback, new PlaybackResult(PlaybackOutcome.CallEnded));
            }

            _collector?.Finish(DigitsEnd.CallEnded);
            _recorder?.Stop(RecordEnd.CallEnded);
        }
    }
}
