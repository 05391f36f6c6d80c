using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>
/// Test double of our call-control port: answers digit collection, playback and recording from a script of caller
/// actions, moves the virtual clock as a real call would take time, and records everything the menu asked for.
/// An operation with nothing left in the script fails the test.
/// </summary>
public sealed class ScriptedCall(FakeTimeProvider time, string from = "0501234567") : ICall
{
    private readonly Queue<CallerAction> _script = new();
    private readonly CancellationTokenSource _ended = new();

    public Guid Id { get; } = Guid.NewGuid();

    public string ProtocolCallId => Id.ToString("N");

    public CallDirection Direction => CallDirection.Inbound;

    public string From { get; } = from;

    public string To => "100";

    public CallState State { get; private set; } = CallState.Offered;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public CancellationToken Ended => _ended.Token;

    public CallMediaStatistics MediaStatistics => CallMediaStatistics.Empty;

    public event Action<CallEvent>? EventRaised;

    /// <summary>Every source played, in order, whether by PlayAsync or as a collection prompt.</summary>
    public List<string> Played { get; } = [];

    /// <summary>The options of every digit collection, in order.</summary>
    public List<DigitCollectionOptions> Collections { get; } = [];

    public List<(string Path, RecordOptions Options)> Recordings { get; } = [];

    public ICall? BridgedTo { get; private set; }

    public bool HungUpByMenu { get; private set; }

    public bool WasAnswered { get; private set; }

    public ScriptedCall Then(params CallerAction[] actions)
    {
        foreach (var action in actions)
        {
            _script.Enqueue(action);
        }

        return this;
    }

    /// <summary>Shorthand: the caller presses each key in turn, one per question.</summary>
    public ScriptedCall Press(params string[] keys) => Then([.. keys.Select(CallerAction.Keys)]);

    public bool ScriptDone => _script.Count == 0;

    public Task AnswerAsync(CancellationToken cancellationToken)
    {
        State = CallState.Answered;
        WasAnswered = true;
        return Task.CompletedTask;
    }

    public Task RejectAsync(CallRejection rejection, CancellationToken cancellationToken) => End();

    public Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken)
    {
        if (State == CallState.Ended)
        {
            return Task.FromResult(new PlaybackResult(PlaybackOutcome.CallEnded));
        }

        Played.AddRange(sources.Select(Name));
        time.Advance(TimeSpan.FromSeconds(sources.Count));
        if (_script.TryPeek(out var next) && next.Kind == CallerActionKind.HangUpDuringPlayback)
        {
            _script.Dequeue();
            _ = End();
            return Task.FromResult(new PlaybackResult(PlaybackOutcome.CallEnded));
        }

        if (options.BargeIn && _script.TryPeek(out next) && next.Kind == CallerActionKind.BargeIn)
        {
            _script.Dequeue();
            return Task.FromResult(new PlaybackResult(PlaybackOutcome.InterruptedByDigit, next.Digits[0]));
        }

        return Task.FromResult(new PlaybackResult(PlaybackOutcome.Completed));
    }

    public Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Collections.Add(options);
        if (options.AlreadyPressed is { } pressed && options.MaxDigits == 1)
        {
            return Task.FromResult(new DigitsResult(pressed.ToString(), DigitsEnd.MaxDigits));
        }

        Played.AddRange(options.Prompt.Select(Name));
        var action = Next("collect digits");
        switch (action.Kind)
        {
            case CallerActionKind.Keys:
                time.Advance(TimeSpan.FromSeconds(1 + action.Digits.Length));
                var digits = options.AlreadyPressed + action.Digits;
                return Task.FromResult(new DigitsResult(digits, digits.Length >= options.MaxDigits ? DigitsEnd.MaxDigits : DigitsEnd.Terminator));
            case CallerActionKind.Silence:
                time.Advance(options.FirstDigitTimeout);
                return Task.FromResult(new DigitsResult("", DigitsEnd.Timeout));
            case CallerActionKind.HangUp:
                _ = End();
                return Task.FromResult(new DigitsResult("", DigitsEnd.CallEnded));
            default:
                throw new InvalidOperationException($"Script has {action.Kind} where the menu collects digits.");
        }
    }

    public Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken)
    {
        Recordings.Add((path, options));
        var action = Next("record");
        if (action.Kind != CallerActionKind.Speak)
        {
            throw new InvalidOperationException($"Script has {action.Kind} where the menu records.");
        }

        time.Advance(action.Duration);
        if (action.RecordEnd == RecordEnd.CallEnded)
        {
            _ = End();
        }

        return Task.FromResult(new RecordResult(action.Duration, action.RecordEnd));
    }

    public Task StartMusicOnHoldAsync(AudioSource music, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopMusicOnHoldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BridgeAsync(ICall other, IMediaTap? tap, CancellationToken cancellationToken)
    {
        BridgedTo = other;
        State = CallState.Bridged;
        return Task.CompletedTask;
    }

    public Task UnbridgeAsync(CancellationToken cancellationToken)
    {
        BridgedTo = null;
        State = CallState.Answered;
        return Task.CompletedTask;
    }

    public Task HangupAsync(CancellationToken cancellationToken)
    {
        HungUpByMenu = true;
        return End();
    }

    /// <summary>The agent hung up: the caller is back on their own leg, as the host leaves it before resuming the menu.</summary>
    public void AgentLeft() => State = CallState.Answered;

    private static string Name(AudioSource source) => source switch
    {
        FileAudioSource file => file.Path,
        ToneAudioSource tone => "tone:" + tone.Kind,
        SilenceAudioSource silence => "silence:" + silence.Duration.TotalMilliseconds,
        _ => source.ToString(),
    };

    private CallerAction Next(string operation) => _script.TryDequeue(out var action)
        ? action
        : throw new InvalidOperationException($"The menu wanted to {operation}, but the script has ended. Played so far: {string.Join(" | ", Played)}");

    private Task End()
    {
        if (State != CallState.Ended)
        {
            State = CallState.Ended;
            EventRaised?.Invoke(new CallEnded(Id, time.GetUtcNow(), CallEndReason.RemoteHangup));
            return _ended.CancelAsync();
        }

        return Task.CompletedTask;
    }
}
