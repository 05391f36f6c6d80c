using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// One call's walk through one tree version: the current language, variables, menus visited, what was requested,
/// and the path. Runs node by node; each node returns where to go next or how the call leaves the menu.
/// </summary>
internal sealed partial class IvrSession
{
    private readonly IvrServices _services;
    private readonly ICall _call;
    private readonly MenuTree _tree;
    private readonly int _treeVersion;
    private readonly IvrCallContext _context;
    private readonly string _callerNumber;
    private readonly Dictionary<string, string> _variables;
    private readonly List<IvrEvent> _events = [];
    private readonly Stack<string> _menuTrail = new();
    private IvrSessionState _state = IvrSessionState.Created;
    private Language _language;
    private char? _typedAhead;
    private QueueHandoff? _queue;
    private CallbackRequest? _callback;
    private VoicemailMessage? _voicemail;
    private TransferredCall? _transfer;
    private HoursState? _hours;

    public IvrSession(IvrServices services, ICall call, MenuTree tree, int treeVersion, IvrCallContext context)
    {
        _services = services;
        _call = call;
        _tree = tree;
        _treeVersion = treeVersion;
        _context = context;
        _callerNumber = context.CallerNumber ?? call.From;
        _variables = new Dictionary<string, string>(context.Variables, StringComparer.Ordinal);
        _language = tree.DefaultLanguage;
    }

    public IvrServices Services => _services;

    public async Task<IvrOutcome> StartAsync(CancellationToken cancellationToken)
    {
        MoveTo(IvrSessionState.Created, IvrSessionState.Running);
        if (_call.State == CallState.Offered)
        {
            await _call.AnswerAsync(cancellationToken);
        }

        return await WalkAsync(_tree.Start, cancellationToken);
    }

    public async Task<IvrOutcome> ResumeAsync(string? nodeId, CancellationToken cancellationToken)
    {
        MoveTo(IvrSessionState.InQueue, IvrSessionState.Running);
        var queueNode = ExitNodeOfQueue();
        if (_call.State == CallState.Ended)
        {
            return Finish(IvrExit.CallerHungUp, queueNode);
        }

        if (nodeId is null)
        {
            await _call.HangupAsync(cancellationToken);
            return Finish(IvrExit.HungUpByMenu, queueNode);
        }

        return await WalkAsync(nodeId, cancellationToken);
    }

    private async Task<IvrOutcome> WalkAsync(string startNode, CancellationToken cancellationToken)
    {
        var nodeId = startNode;
        var withoutInput = 0;
        try
        {
            while (true)
            {
                if (!_tree.Nodes.TryGetValue(nodeId, out var node))
                {
                    return await FaultAsync(nodeId, cancellationToken);
                }

                Record(new MenuNodeEntered(Now, nodeId, node.Kind));
                withoutInput = node.WaitsForInput ? 0 : withoutInput + 1;
                if (withoutInput > _tree.Nodes.Count)
                {
                    // The validator rejects loops without input; this guards a tree published without it.
                    return await FaultAsync(nodeId, cancellationToken);
                }

                var step = await RunNodeAsync(nodeId, node, cancellationToken);
                if (step.Exit is { } exit)
                {
                    return exit == IvrExit.MenuFault ? await FaultAsync(nodeId, cancellationToken) : Finish(exit, nodeId);
                }

                nodeId = step.Next!;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finish(_call.State == CallState.Ended ? IvrExit.CallerHungUp : IvrExit.Stopped, nodeId);
        }
    }

    private Task<NodeStep> RunNodeAsync(string nodeId, IvrNode node, CancellationToken cancellationToken) => node switch
    {
        LanguageChoiceNode choice => RunLanguageChoiceAsync(nodeId, choice, cancellationToken),
        MenuNode menu => RunMenuAsync(nodeId, menu, cancellationToken),
        PlayMessageNode message => RunPlayMessageAsync(nodeId, message, cancellationToken),
        CollectDigitsNode collect => RunCollectDigitsAsync(nodeId, collect, cancellationToken),
        SayNode say => RunSayAsync(nodeId, say, cancellationToken),
        HoursBranchNode hours => Task.FromResult(RunHoursBranch(nodeId, hours)),
        QueueNode queue => RunQueueAsync(nodeId, queue, cancellationToken),
        VoicemailNode voicemail => RunVoicemailAsync(nodeId, voicemail, cancellationToken),
        CallbackRequestNode callback => RunCallbackRequestAsync(nodeId, callback, cancellationToken),
        SurveyNode survey => RunSurveyAsync(nodeId, survey, cancellationToken),
        TransferNode transfer => RunTransferAsync(nodeId, transfer, cancellationToken),
        HangupNode hangup => RunHangupAsync(nodeId, hangup, cancellationToken),
        GoToNode goTo => Task.FromResult(NodeStep.Go(goTo.Target)),
        _ => Task.FromResult(NodeStep.End(IvrExit.MenuFault)),
    };

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    /// <summary>The time of day the menu decides by (see <see cref="IvrCallContext.WallClock"/>).</summary>
    private DateTimeOffset WallClockNow => (_context.WallClock ?? _services.Time).GetUtcNow();

    private void Record(IvrEvent e) => _events.Add(e);

    /// <summary>The prompt in the caller's language, falling back to the tree's default language; empty when the node has none.</summary>
    private IReadOnlyList<AudioSource> Prompt(string nodeId, IvrNode node, PromptSlot slot)
    {
        if (PromptRequirements.Localized(node, slot) is not { } localized)
        {
            return [];
        }

        var language = _language;
        if (!localized.TryGetValue(language, out var content) || content.IsEmpty)
        {
            language = _tree.DefaultLanguage;
            if (!localized.TryGetValue(language, out content) || content.IsEmpty)
            {
                return [];
            }
        }

        return _services.Prompts.Prompt(new PromptKey(_tree.Id, _treeVersion, nodeId, slot), content, language);
    }

    private IReadOnlyList<AudioSource> Say(SpokenValue value) => _services.Prompts.Say(value, _language);

    /// <summary>Ends the menu for a node that cannot go on: hangs up when no target is given ("end the call politely").</summary>
    private async Task<NodeStep> GoOrHangUpAsync(string? target, CancellationToken cancellationToken)
    {
        if (target is not null)
        {
            return NodeStep.Go(target);
        }

        await _call.HangupAsync(cancellationToken);
        return NodeStep.End(IvrExit.HungUpByMenu);
    }

    private async Task<IvrOutcome> FaultAsync(string nodeId, CancellationToken cancellationToken)
    {
        if (_call.State != CallState.Ended)
        {
            await _call.HangupAsync(cancellationToken);
        }

        return Finish(IvrExit.MenuFault, nodeId);
    }

    private IvrOutcome Finish(IvrExit exit, string nodeId)
    {
        Record(new MenuExited(Now, nodeId, exit));
        MoveTo(IvrSessionState.Running, exit == IvrExit.HandedToQueue ? IvrSessionState.InQueue : IvrSessionState.Finished);
        return new IvrOutcome
        {
            Exit = exit,
            ExitNode = nodeId,
            Language = _language,
            Path = new IvrCallPath(_tree.Id, _treeVersion, [.. _events]),
            Queue = _queue,
            Transfer = _transfer,
            Callback = _callback,
            Voicemail = _voicemail,
            Hours = _hours,
            Variables = new Dictionary<string, string>(_variables, StringComparer.Ordinal),
            Session = exit == IvrExit.HandedToQueue ? this : null,
        };
    }

    private string ExitNodeOfQueue() => _events.OfType<CallHandedToQueue>().Last().NodeId;

    private void MoveTo(IvrSessionState from, IvrSessionState to)
    {
        if (_state != from)
        {
            throw new InvalidOperationException($"The menu session of call {_call.Id} is {_state}; it cannot go from {from} to {to}.");
        }

        _state = to;
    }
}
