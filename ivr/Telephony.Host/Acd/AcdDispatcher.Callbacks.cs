using Telephony.Acd.Routing;
using Telephony.Acd.Store.Callbacks;
using Telephony.Calls.Control;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

/// <summary>
/// Queued callbacks: a caller who asked to be called back leaves its leg but not its place. When the engine reserves
/// an agent for it, the agent is rung first; once the agent answers, the registered handler (the call flow) dials the
/// citizen and bridges them. A citizen who does not answer goes back to the same place after the retry interval,
/// until the attempts run out. Retries share the dispatcher's one timer.
/// </summary>
public sealed partial class AcdDispatcher
{
    /// <summary>Callbacks out of the engine until their retry is due (touched on the loop only); few, so a list.</summary>
    private readonly List<QueuedCall> _callbackRetries = [];

    private Func<CallbackDial, CancellationToken, Task<CallbackAttemptOutcome>>? _callbackHandler;

    /// <summary>Who dials the citizen once an agent answered for a callback (the call flow, which owns records and prompts).</summary>
    public void OnCallbackDue(Func<CallbackDial, CancellationToken, Task<CallbackAttemptOutcome>> handler) =>
        _callbackHandler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>
    /// Turns the waiting caller into a callback that keeps its place (same enqueue time and priority). True when
    /// taken: the caller's wait completes with <see cref="AcdWaitOutcome.CallbackRequested"/> and its leg may end.
    /// False when the caller is no longer waiting (an agent is already ringing for it, or it was answered).
    /// </summary>
    public Task<bool> RequestCallbackAsync(ICall call, QueueCallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        var callId = call.Id.ToString();
        return PostAsync(() => RequestCallbackOnLoop(callId, request), cancellationToken);
    }

    private bool RequestCallbackOnLoop(string callId, QueueCallbackRequest request)
    {
        if (_callbackHandler is null || !_calls.TryGetValue(callId, out var queued) || queued.Callback is not null
            || queued.RingingAgent is not null || queued.ConnectedAgent is not null || queued.Completion.Task.IsCompleted)
        {
            return false;
        }

        var marked = _engine.MarkCallback(callId);
        if (!marked.Accepted)
        {
            return false;
        }

        Apply(marked);
        queued.Callback = request;
        queued.EndedRegistration.Dispose();
        CallbackLog.Requested(_logger, callId, queued.QueueId);
        RecordRequest(queued, request);
        queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.CallbackRequested, queued.QueueId, _time.GetUtcNow() - queued.EnqueuedAt));
        return true;
    }

    /// <summary>The callback's place came up and an agent is reserved: ring the agent (the citizen is dialled once it answers).</summary>
    private void RingForCallback(QueuedCall queued, RingAgent ring)
    {
        queued.StopRinging();
        var number = queued.Callback!.Number;
        var request = new OriginateRequest(ring.Extension, number, ring.RingTimeout)
        {
            DisplayName = $"Callback {number} ({ring.QueueId})",
            RelatedCallId = queued.Caller.Id,
        };

        // The citizen's first leg has ended: only shutdown cancels the agent's ringing.
        StartRinging(queued, ring, request, CancellationTokenSource.CreateLinkedTokenSource(_stopping), agentLeg => CallBackAsync(queued, ring, agentLeg));
    }

    /// <summary>The agent answered for a callback: the engine counts it connected, then the handler dials the citizen.</summary>
    private async Task CallBackAsync(QueuedCall queued, RingAgent ring, ICall agentLeg)
    {
        var attempt = await PostAsync(
            () =>
            {
                if (queued.RingingAgent != ring.AgentId)
                {
                    return 0;
                }

                var answer = _engine.Answer(ring.CallId);
                Apply(answer);
                if (!answer.Accepted)
                {
                    return 0;
                }

                queued.RingCancellation?.Dispose();
                queued.RingCancellation = null;
                queued.RingingAgent = null;
                queued.ConnectedAgent = ring.AgentId;
                queued.AgentLeg = agentLeg;
                queued.CallbackAttempts++;
                RecordCallback(queued, CallbackState.Dialling);
                return queued.CallbackAttempts;
            },
            CancellationToken.None).ConfigureAwait(false);

        if (attempt == 0)
        {
            await agentLeg.HangupAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!await MayDialAsync(queued, attempt).ConfigureAwait(false))
        {
            await LetGoOfLostCallbackAsync(queued, agentLeg).ConfigureAwait(false);
            return;
        }

        var request = queued.Callback!;
        CallbackLog.Dialling(_logger, queued.CallId, ring.Extension, attempt, request.Attempts);
        var outcome = CallbackAttemptOutcome.Refused;
        try
        {
            var dial = new CallbackDial(queued.Caller.Id, request, ring.QueueId, queued.EnqueuedAt, ring.Extension, agentLeg, attempt)
            {
                CreateTap = citizen => _taps.Create(citizen, agentLeg, ring.QueueId, ring.Extension),
            };
            outcome = await _callbackHandler!(dial, _stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The dial was cut short (agent gone, host stopping): the citizen was not reached, so it counts as unanswered.
            outcome = CallbackAttemptOutcome.NoAnswer;
        }
        catch (Exception exception)
        {
            CallbackLog.Failed(_logger, queued.CallId, exception);
        }
        finally
        {
            if (agentLeg.State != CallState.Ended)
            {
                await agentLeg.HangupAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        CallbackLog.AttemptEnded(_logger, queued.CallId, attempt, outcome);
        Post(() => AfterCallbackOnLoop(queued, outcome));
    }

    /// <summary>The agent goes to wrap-up; an unanswered callback waits for its retry, or is given up.</summary>
    private void AfterCallbackOnLoop(QueuedCall queued, CallbackAttemptOutcome outcome)
    {
        Apply(_engine.Hangup(queued.CallId));
        queued.ConnectedAgent = null;
        queued.AgentLeg = null;
        var request = queued.Callback!;
        if (outcome != CallbackAttemptOutcome.NoAnswer || queued.CallbackAttempts >= request.Attempts)
        {
            var givenUp = outcome == CallbackAttemptOutcome.NoAnswer;
            if (givenUp)
            {
                CallbackLog.GivenUp(_logger, queued.CallId, queued.CallbackAttempts);
            }

            _calls.Remove(queued.CallId);
            RecordCallback(queued, givenUp ? CallbackState.GivenUp : CallbackState.Completed);
            return;
        }

        queued.CallbackRetryAt = _time.GetUtcNow() + request.RetryInterval;
        _callbackRetries.Add(queued);
        RecordCallback(queued, CallbackState.Pending);
        CallbackLog.RetryScheduled(_logger, queued.CallId, queued.QueueId, queued.CallbackRetryAt.Value);
    }

    /// <summary>The earliest callback retry, so the dispatcher's one timer also wakes for it.</summary>
    private DateTimeOffset? NextCallbackRetryAt()
    {
        DateTimeOffset? next = null;
        foreach (var queued in _callbackRetries)
        {
            if (queued.CallbackRetryAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is { } a && second is { } b ? (a < b ? a : b) : first ?? second;

    /// <summary>Callbacks whose retry is due go back to their original place (enqueue time and priority).</summary>
    private void RequeueDueCallbacks()
    {
        var now = _time.GetUtcNow();
        foreach (var queued in _callbackRetries.Where(call => call.CallbackRetryAt <= now).ToArray())
        {
            _callbackRetries.Remove(queued);
            queued.CallbackRetryAt = null;
            var result = _engine.Enqueue(new EnqueueRequest(
                queued.CallId, queued.QueueId, Requirements(queued.Skills), queued.Priority, queued.EnqueuedAt, IsCallback: true));
            if (!result.Accepted)
            {
                CallbackLog.RequeueRefused(_logger, queued.CallId, queued.QueueId, result.Rejection);
                _calls.Remove(queued.CallId);
                RecordCallback(queued, CallbackState.GivenUp);
                continue;
            }

            Apply(result);
        }
    }
}
