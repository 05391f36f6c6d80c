using Telephony.Calls.Media;
using Telephony.Media.Audio;

namespace Telephony.Calls.MediaPlane;

public sealed partial class CallMedia
{
    private Playback? _playback;

    /// <summary>True while a playback or music on hold is under way.</summary>
    public bool IsPlaying => Volatile.Read(ref _playback) is not null;

    /// <summary>
    /// Plays the sources in order (once, or looping until cancelled). A new playback replaces the current one
    /// (which ends as Cancelled). With barge-in a DTMF digit stops it and is returned in the result.
    /// Files are read before this returns its task; a missing or unsupported file throws.
    /// </summary>
    public Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sequence = PlaybackSequence.Prepare(sources, options.Loop);
        return StartPlayback(sequence, options.BargeIn, isMusicOnHold: false, cancellationToken);
    }

    /// <summary>Loops the music until <see cref="StopMusicOnHold"/>, another playback, a bridge, or teardown.</summary>
    public void StartMusicOnHold(AudioSource music)
    {
        var sequence = PlaybackSequence.Prepare([music], loop: true);
        _ = StartPlayback(sequence, bargeIn: false, isMusicOnHold: true, CancellationToken.None);
    }

    /// <summary>Stops music on hold if it is what plays now.</summary>
    public void StopMusicOnHold()
    {
        lock (_stateLock)
        {
            if (_playback is { IsMusicOnHold: true } playback)
            {
                StopPlaybackLocked(playback, new PlaybackResult(PlaybackOutcome.Cancelled));
            }
        }
    }

    /// <summary>Sends digits to the peer as RFC 4733 events (when negotiated; false otherwise).</summary>
    public bool SendDigits(string digits, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (_outbound.Dtmf is not { } dtmf)
        {
            return false;
        }

        lock (SendGate)
        {
            foreach (var digit in digits)
            {
                dtmf.Enqueue(digit, duration);
            }
        }

        return true;
    }

    private Task<PlaybackResult> StartPlayback(PlaybackSequence sequence, bool bargeIn, bool isMusicOnHold, CancellationToken cancellationToken)
    {
        var playback = new Playback(sequence, bargeIn, isMusicOnHold);
        lock (_stateLock)
        {
            if (IsDisposed)
            {
                return Task.FromResult(new PlaybackResult(PlaybackOutcome.CallEnded));
            }

            if (_playback is { } current)
            {
                StopPlaybackLocked(current, new PlaybackResult(PlaybackOutcome.Cancelled));
            }

            _playback = playback;

            // While bridged the outbound tick is suspended: the playback starts when the bridge is separated.
            _outbound.Source = sequence;
        }

        if (cancellationToken.CanBeCanceled)
        {
            playback.Registration = cancellationToken.Register(() => StopPlayback(playback, new PlaybackResult(PlaybackOutcome.Cancelled)));
        }

        return playback.Completion.Task;
    }

    private void StopPlayback(Playback playback, PlaybackResult result)
    {
        lock (_stateLock)
        {
            StopPlaybackLocked(playback, result);
        }
    }

    private void StopPlaybackLocked(Playback playback, PlaybackResult result)
    {
        if (_playback == playback)
        {
            _playback = null;
            if (_outbound.Source == playback.Source)
            {
                _outbound.Source = null;
            }
        }

        playback.Complete(result);
    }

    private void OnSourceCompleted(IPcmSource source)
    {
        lock (_stateLock)
        {
            if (_playback is { } playback && playback.Source == source)
            {
                _playback = null;
                playback.Complete(new PlaybackResult(PlaybackOutcome.Completed));
            }
        }
    }

    private sealed class Playback(PlaybackSequence source, bool bargeIn, bool isMusicOnHold)
    {
        public PlaybackSequence Source { get; } = source;

        public bool BargeIn { get; } = bargeIn;

        public bool IsMusicOnHold { get; } = isMusicOnHold;

        public TaskCompletionSource<PlaybackResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public void Complete(PlaybackResult result)
        {
            if (Completion.TrySetResult(result))
            {
                // Unregister, not Dispose: this runs under the state lock, and Dispose would wait for a cancellation
                // callback that is itself waiting for that lock.
                Registration.Unregister();
            }
        }
    }
}
