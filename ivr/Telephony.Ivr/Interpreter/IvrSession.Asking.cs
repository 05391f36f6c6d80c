using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>Asking the caller for keys: the prompt, the invalid and timeout prompts, and the node's retries.</summary>
internal sealed partial class IvrSession
{
    private enum AnswerKind
    {
        Accepted,
        Exhausted,
        CallerHungUp,
        Stopped,
    }

    private enum VerdictKind
    {
        Accept,
        Reject,
        Repeat,
    }

    /// <summary>
    /// Asks until <paramref name="judge"/> accepts the input or the node's retries run out. Silence and rejected input
    /// each use up one retry and say the node's timeout or invalid prompt before the question again; a repeat does not.
    /// <paramref name="attempts"/> is shared by the steps of one visit (collect and confirm), so they share the retries.
    /// </summary>
    private async Task<Answer<T>> AskAsync<T>(
        string nodeId,
        IvrNode node,
        Func<IReadOnlyList<AudioSource>> question,
        DigitCollectionOptions shape,
        Func<string, Verdict<T>> judge,
        Attempts attempts,
        bool sensitive,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<AudioSource> notice = [];
        while (true)
        {
            var options = shape with { Prompt = [.. notice, .. question()], AlreadyPressed = _typedAhead };
            _typedAhead = null;
            var result = await _call.CollectDigitsAsync(options, cancellationToken);
            switch (result.End)
            {
                case DigitsEnd.CallEnded:
                    return Answer<T>.Ended(AnswerKind.CallerHungUp);
                case DigitsEnd.Cancelled:
                    return Answer<T>.Ended(_call.State == CallState.Ended ? AnswerKind.CallerHungUp : AnswerKind.Stopped);
            }

            if (result.Digits.Length == 0 && result.End == DigitsEnd.Timeout)
            {
                attempts.Failures++;
                Record(new MenuInputTimedOut(Now, nodeId, attempts.Failures));
                notice = Prompt(nodeId, node, PromptSlot.Timeout);
            }
            else
            {
                var verdict = judge(result.Digits);
                if (verdict.Kind == VerdictKind.Accept)
                {
                    return new Answer<T>(AnswerKind.Accepted, verdict.Value);
                }

                if (verdict.Kind == VerdictKind.Repeat)
                {
                    Record(new MenuPromptRepeated(Now, nodeId));
                    notice = [];
                    continue;
                }

                attempts.Failures++;
                Record(new MenuInputRejected(Now, nodeId, sensitive ? Mask(result.Digits) : result.Digits, attempts.Failures));
                notice = Prompt(nodeId, node, PromptSlot.Invalid);
            }

            if (attempts.Failures > node.Retries)
            {
                return Answer<T>.Ended(AnswerKind.Exhausted);
            }
        }
    }

    /// <summary>Where a node goes when it got no answer: the caller left, the server stopped, or the retries ran out.</summary>
    private Task<NodeStep> UnansweredAsync<T>(string nodeId, IvrNode node, Answer<T> answer, CancellationToken cancellationToken)
    {
        switch (answer.Kind)
        {
            case AnswerKind.CallerHungUp:
                return Task.FromResult(NodeStep.End(IvrExit.CallerHungUp));
            case AnswerKind.Stopped:
                return Task.FromResult(NodeStep.End(IvrExit.Stopped));
            default:
                Record(new MenuRetriesExhausted(Now, nodeId, node.OnRetriesExhausted));
                return GoOrHangUpAsync(node.OnRetriesExhausted, cancellationToken);
        }
    }

    /// <summary>One key with the node's timeout: menus, language choice, confirmations, surveys.</summary>
    private static DigitCollectionOptions OneKey(IvrNode node)
    {
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds);
        return new DigitCollectionOptions(1, timeout, timeout);
    }

    private static string Mask(string digits) => new('*', digits.Length);

    private readonly record struct Answer<T>(AnswerKind Kind, T? Value)
    {
        public static Answer<T> Ended(AnswerKind kind) => new(kind, default);
    }

    private readonly record struct Verdict<T>(VerdictKind Kind, T? Value)
    {
        public static Verdict<T> Reject => new(VerdictKind.Reject, default);

        public static Verdict<T> Repeat => new(VerdictKind.Repeat, default);

        public static Verdict<T> Accept(T value) => new(VerdictKind.Accept, value);
    }

    private sealed class Attempts
    {
        public int Failures { get; set; }
    }
}
