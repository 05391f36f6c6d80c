using System.Globalization;
using System.Text.RegularExpressions;
using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>The nodes that wait for keys: language choice, menu, collect digits, callback request, survey.</summary>
internal sealed partial class IvrSession
{
    /// <summary>Longest callback number typed by the caller; the node's pattern decides what is valid within it.</summary>
    private const int MaxCallbackDigits = 20;

    private static readonly TimeSpan _typedNumberInterDigitTimeout = TimeSpan.FromSeconds(3);

    private async Task<NodeStep> RunLanguageChoiceAsync(string nodeId, LanguageChoiceNode node, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(
            nodeId, node, () => Prompt(nodeId, node, PromptSlot.Main), OneKey(node),
            key => node.Options.TryGetValue(key, out var language) ? Verdict<Language>.Accept(language) : Verdict<Language>.Reject,
            new Attempts(), sensitive: false, cancellationToken);
        if (answer.Kind == AnswerKind.Accepted)
        {
            _language = answer.Value;
            Record(new LanguageChosen(Now, nodeId, _language, ByDefault: false));
            return NodeStep.Go(node.Next);
        }

        if (answer.Kind != AnswerKind.Exhausted)
        {
            return await UnansweredAsync(nodeId, node, answer, cancellationToken);
        }

        // A caller who never chooses still gets served: in the tree's default language, on the exhausted path or onwards.
        _language = _tree.DefaultLanguage;
        Record(new MenuRetriesExhausted(Now, nodeId, node.OnRetriesExhausted ?? node.Next));
        Record(new LanguageChosen(Now, nodeId, _language, ByDefault: true));
        return NodeStep.Go(node.OnRetriesExhausted ?? node.Next);
    }

    private async Task<NodeStep> RunMenuAsync(string nodeId, MenuNode node, CancellationToken cancellationToken)
    {
        if (!_menuTrail.TryPeek(out var top) || top != nodeId)
        {
            _menuTrail.Push(nodeId);
        }

        var answer = await AskAsync(
            nodeId, node, () => Prompt(nodeId, node, PromptSlot.Main), OneKey(node),
            key => MenuChoice(nodeId, node, key), new Attempts(), sensitive: false, cancellationToken);
        if (answer.Kind != AnswerKind.Accepted)
        {
            return await UnansweredAsync(nodeId, node, answer, cancellationToken);
        }

        var (key, target) = answer.Value;
        if (key == MenuNode.BackKey && node.BackTarget is null)
        {
            _menuTrail.Pop();
        }

        Record(new MenuOptionChosen(Now, nodeId, key, target));
        return NodeStep.Go(target);
    }

    private Verdict<(string Key, string Target)> MenuChoice(string nodeId, MenuNode node, string key)
    {
        if (node.Options.TryGetValue(key, out var target))
        {
            return Verdict<(string, string)>.Accept((key, target));
        }

        if (key == node.RepeatKey)
        {
            return Verdict<(string, string)>.Repeat;
        }

        if (key == MenuNode.OperatorKey && node.OperatorTarget is not null)
        {
            return Verdict<(string, string)>.Accept((key, node.OperatorTarget));
        }

        if (key == MenuNode.BackKey && (node.BackTarget ?? PreviousMenu(nodeId)) is { } back)
        {
            return Verdict<(string, string)>.Accept((key, back));
        }

        return Verdict<(string, string)>.Reject;
    }

    /// <summary>The menu the caller came from, for "#" on a menu without its own back target.</summary>
    private string? PreviousMenu(string nodeId) => _menuTrail.Skip(1).FirstOrDefault(id => id != nodeId);

    private async Task<NodeStep> RunCollectDigitsAsync(string nodeId, CollectDigitsNode node, CancellationToken cancellationToken)
    {
        var pattern = node.Pattern is null ? null : DigitPattern.Compile(node.Pattern);
        var sensitive = _context.SensitiveVariables.Contains(node.Variable);
        var shape = new DigitCollectionOptions(node.MaxLength, TimeSpan.FromSeconds(node.TimeoutSeconds), TimeSpan.FromSeconds(node.InterDigitTimeoutSeconds))
        {
            Terminator = string.IsNullOrEmpty(node.Terminator) ? null : node.Terminator[0],
        };
        var attempts = new Attempts();
        while (true)
        {
            var entered = await AskAsync(
                nodeId, node, () => Prompt(nodeId, node, PromptSlot.Main), shape,
                digits => IsAcceptable(digits, node.MinLength, node.MaxLength, pattern) ? Verdict<string>.Accept(digits) : Verdict<string>.Reject,
                attempts, sensitive, cancellationToken);
            if (entered.Kind != AnswerKind.Accepted)
            {
                return await UnansweredAsync(nodeId, node, entered, cancellationToken);
            }

            var digits = entered.Value!;
            if (node.Confirmation is { } confirmation)
            {
                var confirmed = await AskAsync(
                    nodeId, node,
                    () => [.. Prompt(nodeId, node, PromptSlot.ConfirmationPrompt), .. Say(new SpokenValue(SayAs.Digits, digits)), .. Prompt(nodeId, node, PromptSlot.ConfirmationInstructions)],
                    OneKey(node),
                    key => key == confirmation.ConfirmKey ? Verdict<bool>.Accept(true) : key == confirmation.RetryKey ? Verdict<bool>.Accept(false) : Verdict<bool>.Reject,
                    attempts, sensitive: false, cancellationToken);
                if (confirmed.Kind != AnswerKind.Accepted)
                {
                    return await UnansweredAsync(nodeId, node, confirmed, cancellationToken);
                }

                if (!confirmed.Value)
                {
                    continue;
                }
            }

            _variables[node.Variable] = digits;
            Record(new DigitsCollected(Now, nodeId, node.Variable, sensitive ? Mask(digits) : digits, Confirmed: node.Confirmation is not null));
            return NodeStep.Go(node.Next);
        }
    }

    private async Task<NodeStep> RunCallbackRequestAsync(string nodeId, CallbackRequestNode node, CancellationToken cancellationToken)
    {
        var pattern = DigitPattern.Compile(node.NumberPattern);
        var attempts = new Attempts();

        // The presented number is offered only when it passes the same pattern as a typed one: a spoofed foreign or
        // premium caller id must not become a callback target.
        if (IsAcceptable(_callerNumber, 1, MaxCallbackDigits, pattern))
        {
            var choice = await AskAsync(
                nodeId, node,
                () => [.. Prompt(nodeId, node, PromptSlot.Main), .. Say(new SpokenValue(SayAs.Digits, _callerNumber))],
                OneKey(node),
                key => key == node.ConfirmKey ? Verdict<bool>.Accept(true) : key == node.OtherNumberKey ? Verdict<bool>.Accept(false) : Verdict<bool>.Reject,
                attempts, sensitive: false, cancellationToken);
            if (choice.Kind != AnswerKind.Accepted)
            {
                return await UnansweredAsync(nodeId, node, choice, cancellationToken);
            }

            if (choice.Value)
            {
                return RequestCallback(nodeId, node, _callerNumber, isCallerNumber: true);
            }
        }

        var shape = new DigitCollectionOptions(MaxCallbackDigits, TimeSpan.FromSeconds(node.TimeoutSeconds), _typedNumberInterDigitTimeout) { Terminator = '#' };
        var typed = await AskAsync(
            nodeId, node, () => Prompt(nodeId, node, PromptSlot.OtherNumber), shape,
            digits => IsAcceptable(digits, 1, MaxCallbackDigits, pattern) ? Verdict<string>.Accept(digits) : Verdict<string>.Reject,
            attempts, sensitive: false, cancellationToken);
        return typed.Kind == AnswerKind.Accepted
            ? RequestCallback(nodeId, node, typed.Value!, isCallerNumber: false)
            : await UnansweredAsync(nodeId, node, typed, cancellationToken);
    }

    private NodeStep RequestCallback(string nodeId, CallbackRequestNode node, string number, bool isCallerNumber)
    {
        _callback = new CallbackRequest(number, isCallerNumber, node.Queue, SkillsFor(node.Skills, node.LanguageSkill), _language);
        Record(new CallbackRequested(Now, nodeId, _callback));
        return NodeStep.Go(node.Next);
    }

    private async Task<NodeStep> RunSurveyAsync(string nodeId, SurveyNode node, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(
            nodeId, node, () => Prompt(nodeId, node, PromptSlot.Main), OneKey(node),
            key => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= SurveyNode.MinScore and <= SurveyNode.MaxScore
                ? Verdict<int>.Accept(score)
                : Verdict<int>.Reject,
            new Attempts(), sensitive: false, cancellationToken);
        if (answer.Kind != AnswerKind.Accepted)
        {
            return await UnansweredAsync(nodeId, node, answer, cancellationToken);
        }

        Record(new SurveyAnswered(Now, nodeId, node.SurveyId, answer.Value));
        return NodeStep.Go(node.Next);
    }

    /// <summary>Only digits, within the lengths, matching the whole pattern; a pattern that takes too long rejects the input.</summary>
    private static bool IsAcceptable(string digits, int minLength, int maxLength, Regex? pattern)
    {
        if (digits.Length < minLength || digits.Length > maxLength || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        try
        {
            return pattern is null || pattern.IsMatch(digits);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The node's skills plus "lang:&lt;code&gt;" of the caller's language when the node asks for it.</summary>
    private IReadOnlyList<string> SkillsFor(IReadOnlyList<string> skills, bool languageSkill) =>
        languageSkill ? [.. skills, QueueNode.LanguageSkillFor(_language)] : [.. skills];
}
