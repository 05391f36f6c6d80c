using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;

namespace Telephony.Host.Tests.Calls;

/// <summary>
/// Test double of one call leg on virtual time. Menu questions take the next scripted key; while the caller is on
/// hold (music playing) or has no key left a digit collection waits for its timeout on the fake clock, the end of the
/// call, or cancellation. Records what was played, bridges and hang-ups.
/// </summary>
public sealed class ScriptedCall : ICall
{
    private readonly FakeTimeProvider _time;
    private readonly Queue<string> _keys = new();
    private readonly Queue<string> _holdKeys = new();
    private TaskCompletionSource<DigitsEnd>? _waitingForKey;
    private readonly CancellationTokenSource _ended = new();
    private readonly Lock _gate = new();

    public ScriptedCall(FakeTimeProvider time, string from, string to, CallDirection direction = CallDirection.Inbound)
    {
        _time = time;
        From = from;
        To = to;
        Direction = direction;
        StartedAt = time.GetUtcNow();
        State = direction == CallDirection.Inbound ? CallState.Offered : CallState.Answered;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public string ProtocolCallId => "sip-" + Id.ToString("N");

    public CallDirection Direction { get; }

    public string From { get; }

    public string To { get; }

    public CallState State { get; private set; }

    public DateTimeOffset StartedAt { get; }

    public CancellationToken Ended => _ended.Token;

    public CallMediaStatistics MediaStatistics { get; } = new(1500, 1500, 3, 4.5, 4.3);

    public event Action<CallEvent>? EventRaised;

    public List<string> Played { get; } = [];

    public CallRejection? Rejection { get; private set; }

    public ICall? BridgedTo { get; private set; }

    public IMediaTap? Tap { get; private set; }

    public int Bridges { get; private set; }

    public bool OnHold { get; private set; }

    public bool HungUpByUs { get; private set; }

    public ScriptedCall Press(params string[] keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _keys.Enqueue(key);
            }
        }

        return this;
    }

    /// <summary>
    /// A key pressed while the caller hears music on hold (the queue's callback key): a collection waiting for its
    /// timeout ends with it at once.
    /// </summary>
    public void PressDuringHold(string key)
    {
        lock (_gate)
        {
            _holdKeys.Enqueue(key);
            _waitingForKey?.TrySetResult(DigitsEnd.MaxDigits);
        }
    }

    /// <summary>The leg is gone but no end event ever arrives (a lost BYE, a crashed backend): what the watchdog repairs.</summary>
    public void DropSilently() => State = CallState.Ended;

    /// <summary>The far end hangs up.</summary>
    public void HangUpRemotely() => End(CallEndReason.RemoteHangup);

    public Task AnswerAsync(CancellationToken cancellationToken)
    {
        State = CallState.Answered;
        EventRaised?.Invoke(new CallAnswered(Id, _time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task RejectAsync(CallRejection rejection, CancellationToken cancellationToken)
    {
        Rejection = rejection;
        End(CallEndReason.Rejected);
        return Task.CompletedTask;
    }

    public Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Played.AddRange(sources.Select(Name));
        }

        return Task.FromResult(new PlaybackResult(State == CallState.Ended ? PlaybackOutcome.CallEnded : PlaybackOutcome.Completed));
    }

    public Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (State == CallState.Ended)
        {
            return Task.FromResult(new DigitsResult("", DigitsEnd.CallEnded));
        }

        lock (_gate)
        {
            Played.AddRange(options.Prompt.Select(Name));
            if (!OnHold && _keys.TryDequeue(out var keys))
            {
                return Task.FromResult(new DigitsResult(keys, keys.Length >= options.MaxDigits ? DigitsEnd.MaxDigits : DigitsEnd.Terminator));
            }

            if (OnHold && _holdKeys.TryDequeue(out var held))
            {
                return Task.FromResult(new DigitsResult(held, DigitsEnd.MaxDigits));
            }
        }

        return WaitForTimeoutAsync(options.FirstDigitTimeout, cancellationToken);
    }

    public Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(new RecordResult(TimeSpan.Zero, RecordEnd.CallEnded));

    public Task StartMusicOnHoldAsync(AudioSource music, CancellationToken cancellationToken)
    {
        OnHold = true;
        return Task.CompletedTask;
    }

    public Task StopMusicOnHoldAsync(CancellationToken cancellationToken)
    {
        OnHold = false;
        return Task.CompletedTask;
    }

    public Task BridgeAsync(ICall other, IMediaTap? tap, CancellationToken cancellationToken)
    {
        OnHold = false;
        BridgedTo = other;
        Tap = tap;
        Bridges++;
        State = CallState.Bridged;
        return Task.CompletedTask;
    }

    public Task UnbridgeAsync(CancellationToken cancellationToken)
    {
        BridgedTo = null;
        if (State == CallState.Bridged)
        {
            State = CallState.Answered;
        }

        return Task.CompletedTask;
    }

    public Task HangupAsync(CancellationToken cancellationToken)
    {
        HungUpByUs = State != CallState.Ended || HungUpByUs;
        End(CallEndReason.LocalHangup);
        return Task.CompletedTask;
    }

    private async Task<DigitsResult> WaitForTimeoutAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<DigitsEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = _time.CreateTimer(_ => done.TrySetResult(DigitsEnd.Timeout), null, timeout, Timeout.InfiniteTimeSpan);
        await using var onEnd = _ended.Token.Register(() => done.TrySetResult(DigitsEnd.CallEnded));
        await using var onCancel = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        lock (_gate)
        {
            _waitingForKey = done;
        }

        var end = await done.Task.ConfigureAwait(false);
        lock (_gate)
        {
            _waitingForKey = null;
            if (end == DigitsEnd.MaxDigits)
            {
                return _holdKeys.TryDequeue(out var key) ? new DigitsResult(key, end) : new DigitsResult("", DigitsEnd.Timeout);
            }
        }

        return new DigitsResult("", end);
    }

    private void End(CallEndReason reason)
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested)
            {
                return;
            }

            State = CallState.Ended;
        }

        EventRaised?.Invoke(new CallEnded(Id, _time.GetUtcNow(), reason));
        _ended.Cancel();
    }

    private static string Name(AudioSource source) => source switch
    {
        FileAudioSource file => file.Path,
        ToneAudioSource tone => "tone:" + tone.Kind,
        _ => source.ToString(),
    };
}
