using System.Globalization;
using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>The nodes that act without waiting for keys: messages, say, hours, queue, voicemail, transfer, hang up.</summary>
internal sealed partial class IvrSession
{
    private enum Played
    {
        Completed,
        CallerHungUp,
        Stopped,
    }

    private async Task<NodeStep> RunPlayMessageAsync(string nodeId, PlayMessageNode node, CancellationToken cancellationToken)
    {
        var played = await PlayAsync(Prompt(nodeId, node, PromptSlot.Main), typeAhead: true, cancellationToken);
        return played == Played.Completed ? NodeStep.Go(node.Next) : Ended(played);
    }

    private async Task<NodeStep> RunSayAsync(string nodeId, SayNode node, CancellationToken cancellationToken)
    {
        // A value that is missing or not of the node's kind is skipped rather than ending the call.
        var raw = node.Literal ?? (node.Variable is null ? null : VariableValue(node.Variable));
        var value = SpokenValue.TryCreate(node.As, raw, node.Gender);
        IReadOnlyList<AudioSource> audio = value is null
            ? Prompt(nodeId, node, PromptSlot.Main)
            : [.. Prompt(nodeId, node, PromptSlot.Main), .. Say(value)];
        var played = await PlayAsync(audio, typeAhead: true, cancellationToken);
        return played == Played.Completed ? NodeStep.Go(node.Next) : Ended(played);
    }

    private NodeStep RunHoursBranch(string nodeId, HoursBranchNode node)
    {
        if (!_tree.Schedules.TryGetValue(node.Schedule, out var schedule))
        {
            return NodeStep.End(IvrExit.MenuFault);
        }

        HoursStatus status;
        try
        {
            status = new HoursEvaluator(schedule, _context.HolidayCalendars).Evaluate(WallClockNow);
        }
        catch (Exception e) when (e is KeyNotFoundException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return NodeStep.End(IvrExit.MenuFault);
        }

        _hours = status.State;
        var target = status.State switch
        {
            HoursState.Open => node.Open,
            HoursState.Holiday => node.Holiday ?? node.Closed,
            _ => node.Closed,
        };
        Record(new HoursEvaluated(Now, nodeId, node.Schedule, status.State, target));
        return NodeStep.Go(target);
    }

    private async Task<NodeStep> RunQueueAsync(string nodeId, QueueNode node, CancellationToken cancellationToken)
    {
        _typedAhead = null;
        var played = await PlayAsync(Prompt(nodeId, node, PromptSlot.Main), typeAhead: false, cancellationToken);
        if (played != Played.Completed)
        {
            return Ended(played);
        }

        _queue = new QueueHandoff(node.Queue, SkillsFor(node.Skills, node.LanguageSkill), node.Priority, _language)
        {
            Topic = node.Skills.FirstOrDefault(s => s.StartsWith(QueueHandoff.TopicSkillPrefix, StringComparison.Ordinal))?[QueueHandoff.TopicSkillPrefix.Length..],
            MaxWait = node.MaxWaitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            OverflowNode = node.Overflow,
            AfterAgentNode = node.AfterAgent,
        };
        Record(new CallHandedToQueue(Now, nodeId, _queue));
        return NodeStep.End(IvrExit.HandedToQueue);
    }

    private async Task<NodeStep> RunVoicemailAsync(string nodeId, VoicemailNode node, CancellationToken cancellationToken)
    {
        _typedAhead = null;
        var played = await PlayAsync(Prompt(nodeId, node, PromptSlot.Main), typeAhead: false, cancellationToken);
        if (played != Played.Completed)
        {
            return Ended(played);
        }

        var startedAt = Now;
        var path = _services.Voicemail.NewMessagePath(node.Mailbox, _call.Id, startedAt);
        var result = await _call.RecordAsync(path, new RecordOptions(TimeSpan.FromSeconds(node.MaxSeconds)), cancellationToken);
        if (result.Duration > TimeSpan.Zero)
        {
            _voicemail = new VoicemailMessage(node.Mailbox, path, result.Duration, startedAt);
            Record(new VoicemailRecorded(Now, nodeId, _voicemail));
        }

        return result.End switch
        {
            RecordEnd.CallEnded => NodeStep.End(IvrExit.CallerHungUp),
            RecordEnd.Cancelled => NodeStep.End(_call.State == CallState.Ended ? IvrExit.CallerHungUp : IvrExit.Stopped),
            _ => NodeStep.Go(node.Next),
        };
    }

    private async Task<NodeStep> RunTransferAsync(string nodeId, TransferNode node, CancellationToken cancellationToken)
    {
        // Checked again at run time, against the tree this call runs and the host's list: a tree that slipped past
        // validation, or a number removed from the host's list since publish, must not dial out.
        if (!_tree.TransferAllowlist.Contains(node.Number, StringComparer.Ordinal) && !_context.TransferAllowlist.Contains(node.Number, StringComparer.Ordinal))
        {
            Record(new TransferRefused(Now, nodeId, node.Number));
            return await GoOrHangUpAsync(node.OnFailure, cancellationToken);
        }

        var played = await PlayAsync(Prompt(nodeId, node, PromptSlot.Main), typeAhead: false, cancellationToken);
        if (played != Played.Completed)
        {
            return Ended(played);
        }

        var request = new OriginateRequest(node.Number, _callerNumber, _context.TransferRingTimeout) { RelatedCallId = _call.Id };
        var result = await _services.Dialer.OriginateAsync(request, cancellationToken);
        if (result.Call is not { } leg)
        {
            Record(new TransferFailed(Now, nodeId, node.Number, result.Failure));
            return _call.State == CallState.Ended ? NodeStep.End(IvrExit.CallerHungUp) : await GoOrHangUpAsync(node.OnFailure, cancellationToken);
        }

        await _call.BridgeAsync(leg, tap: null, cancellationToken);
        _transfer = new TransferredCall(node.Number, leg);
        Record(new CallTransferred(Now, nodeId, node.Number));
        return NodeStep.End(IvrExit.Transferred);
    }

    private async Task<NodeStep> RunHangupAsync(string nodeId, HangupNode node, CancellationToken cancellationToken)
    {
        var played = await PlayAsync(Prompt(nodeId, node, PromptSlot.Main), typeAhead: false, cancellationToken);
        if (played != Played.Completed)
        {
            return Ended(played);
        }

        await _call.HangupAsync(cancellationToken);
        return NodeStep.End(IvrExit.HungUpByMenu);
    }

    /// <summary>
    /// Plays <paramref name="audio"/>. With <paramref name="typeAhead"/> a key interrupts it and is kept as the first
    /// key of the next question, so a caller who knows the menu need not listen to the end.
    /// </summary>
    private async Task<Played> PlayAsync(IReadOnlyList<AudioSource> audio, bool typeAhead, CancellationToken cancellationToken)
    {
        if (audio.Count == 0)
        {
            return Played.Completed;
        }

        var result = await _call.PlayAsync(audio, typeAhead ? PlaybackOptions.Interruptible : PlaybackOptions.Once, cancellationToken);
        switch (result.Outcome)
        {
            case PlaybackOutcome.InterruptedByDigit:
                _typedAhead = result.Digit;
                return Played.Completed;
            case PlaybackOutcome.CallEnded:
                return Played.CallerHungUp;
            case PlaybackOutcome.Cancelled:
                return _call.State == CallState.Ended ? Played.CallerHungUp : Played.Stopped;
            default:
                return Played.Completed;
        }
    }

    private static NodeStep Ended(Played played) =>
        NodeStep.End(played == Played.CallerHungUp ? IvrExit.CallerHungUp : IvrExit.Stopped);

    /// <summary>A call variable, or a built-in one: the caller's number, today's date and the time now in the tree's first schedule's zone.</summary>
    private string? VariableValue(string name)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return name switch
        {
            IvrVariables.CallerNumber => _callerNumber,
            IvrVariables.Today => LocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IvrVariables.Now => LocalNow().ToString("HH:mm", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private DateTime LocalNow()
    {
        var zoneId = _tree.Schedules.Values.FirstOrDefault()?.TimeZone;
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(WallClockNow, zone).DateTime;
    }
}
