using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Host.Acd;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>
/// Collects what one hotline call did, then builds its call record and the queue events only the call flow sees
/// (survey, callback requested); the dispatcher writes the rest as they happen.
/// </summary>
internal sealed class CallRecordBuilder
{
    private readonly ICall _call;
    private readonly HotlineOptions _options;
    private readonly List<QueueEventRecord> _events = [];
    private DateTimeOffset? _answeredAt;
    private string? _queueId;
    private string? _firstQueueId;
    private DateTimeOffset? _queuedAt;
    private string? _agent;
    private DateTimeOffset? _agentAnsweredAt;
    private DateTimeOffset? _talkEndedAt;
    private TimeSpan? _wait;
    private TimeSpan _talkBeforeTransfer;
    private string? _transferredTo;
    private AcdWaitOutcome? _waitOutcome;

    public CallRecordBuilder(ICall call, HotlineOptions options)
    {
        _call = call;
        _options = options;
        call.EventRaised += OnCallEvent;
    }

    public IReadOnlyList<QueueEventRecord> Events => _events;

    public void Queued(string queueId, DateTimeOffset at)
    {
        _queueId = queueId;
        _queuedAt ??= at;
    }

    public void WaitEnded(AcdWaitResult result, DateTimeOffset at)
    {
        _wait = (_wait ?? TimeSpan.Zero) + result.Waited;
        _waitOutcome = result.Outcome;
        _queueId = result.QueueId;
        if (result.Outcome == AcdWaitOutcome.Answered)
        {
            _agent = result.AgentExtension;
            _agentAnsweredAt = at;
        }
        else if (result.Outcome == AcdWaitOutcome.CallbackRequested)
        {
            AddEvent(at, result.QueueId, "callback-requested", null);
        }
    }

    public void TalkEnded(DateTimeOffset at) => _talkEndedAt = at;

    /// <summary>
    /// The agent handed the caller to <paramref name="queue"/>: one record still tells the whole call (first queue,
    /// the queue it went to, the agent who finished it, every wait and every talk summed), and a transferred event marks it.
    /// </summary>
    public void Transferred(string? agent, string queue, DateTimeOffset at)
    {
        if (_queueId is not null)
        {
            AddEvent(at, _queueId, "transferred", agent);
        }

        if (_agentAnsweredAt is { } answered)
        {
            _talkBeforeTransfer += (_talkEndedAt ?? at) - answered;
        }

        _firstQueueId ??= _queueId;
        _transferredTo = queue;
        _agentAnsweredAt = null;
        _talkEndedAt = null;
    }

    public HotlineCallRecord Build(IvrOutcome? menu, DateTimeOffset endedAt)
    {
        _call.EventRaised -= OnCallEvent;
        var statistics = _call.MediaStatistics;
        var survey = menu?.SurveyScores.Values.LastOrDefault();
        if (survey is > 0 && _queueId is not null)
        {
            AddEvent(endedAt, _queueId, "survey", _agent);
        }

        if (menu?.Callback is not null && _queueId is not null)
        {
            AddEvent(endedAt, _queueId, "callback-requested", null);
        }

        return new HotlineCallRecord
        {
            Id = _call.Id,
            SipCallId = _call.ProtocolCallId,
            HostId = _options.HostId,
            Caller = _call.From,
            Dialed = _call.To,
            StartedAt = _call.StartedAt,
            AnsweredAt = _answeredAt,
            EndedAt = endedAt,
            Language = menu?.Language.Code(),
            Topic = menu?.Queue?.Topic,
            IvrPath = menu?.Path.NodeIds ?? [],
            IvrExitNode = menu?.Queue is not null ? FirstExitNode(menu) : menu?.Path.ExitNode,
            IvrTreeId = menu?.Path.TreeId,
            IvrTreeVersion = menu?.Path.TreeVersion,
            QueueId = _firstQueueId ?? _queueId,
            TransferredTo = _transferredTo,
            QueuedAt = _queuedAt,
            AgentId = _agent,
            AgentAnsweredAt = _agentAnsweredAt,
            WaitMs = _wait is { } wait ? Milliseconds(wait) : null,
            TalkMs = _agentAnsweredAt is { } start
                ? Milliseconds(_talkBeforeTransfer + ((_talkEndedAt ?? endedAt) - start))
                : _transferredTo is not null ? Milliseconds(_talkBeforeTransfer) : null,
            Outcome = Outcome(menu),
            ShortAbandon = _waitOutcome == AcdWaitOutcome.Abandoned && _wait <= _options.ShortAbandonThreshold,
            SurveyScore = survey is > 0 ? survey : null,
            CallbackRequested = menu?.Callback is not null || _waitOutcome == AcdWaitOutcome.CallbackRequested,
            RtpPacketsIn = statistics.PacketsReceived,
            RtpLost = statistics.PacketsLost,
            JitterMs = statistics.JitterMilliseconds,
            Mos = statistics.Mos,
        };
    }

    /// <summary>The queue node where the caller left the menu for the ACD, not the survey that followed.</summary>
    private static string? FirstExitNode(IvrOutcome menu) =>
        menu.Path.Events.OfType<Telephony.Ivr.Interpreter.Events.MenuExited>().FirstOrDefault()?.NodeId ?? menu.Path.ExitNode;

    private string Outcome(IvrOutcome? menu)
    {
        switch (_waitOutcome)
        {
            case AcdWaitOutcome.Answered:
                return CallOutcomes.Answered;
            case AcdWaitOutcome.Abandoned:
                return CallOutcomes.Abandoned;
            case AcdWaitOutcome.Overflowed:
                return menu?.Disposition switch
                {
                    IvrDisposition.CallbackRequested => CallOutcomes.CallbackRequested,
                    IvrDisposition.VoicemailLeft => CallOutcomes.Voicemail,
                    _ => CallOutcomes.Overflowed,
                };
            case AcdWaitOutcome.CallbackRequested:
                return CallOutcomes.CallbackRequested;
            case AcdWaitOutcome.Refused:
                return CallOutcomes.Failed;
            default:
                break;
        }

        return menu?.Disposition switch
        {
            null or IvrDisposition.Failed => CallOutcomes.Failed,
            IvrDisposition.Transferred => CallOutcomes.Transferred,
            IvrDisposition.CallbackRequested => CallOutcomes.CallbackRequested,
            IvrDisposition.VoicemailLeft => CallOutcomes.Voicemail,
            IvrDisposition.AfterHours => CallOutcomes.AfterHours,
            IvrDisposition.AbandonedInMenu => CallOutcomes.IvrAbandoned,
            _ => CallOutcomes.IvrCompleted,
        };
    }

    private void AddEvent(DateTimeOffset at, string queueId, string name, string? agent) =>
        _events.Add(new QueueEventRecord(at, _call.Id, queueId, name, agent, _options.HostId));

    private static int Milliseconds(TimeSpan span) => (int)Math.Clamp(span.TotalMilliseconds, 0, int.MaxValue);

    private void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is CallAnswered answered)
        {
            _answeredAt ??= answered.At;
        }
    }
}
