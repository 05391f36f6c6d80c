using Telephony.Acd.Store.Callbacks;
using Telephony.Calls.Control;
using Telephony.Ivr.Model;

namespace Telephony.Host.Acd;

/// <summary>
/// Callbacks that outlive the host: every request and outcome goes to the callback writer (acd_callbacks, spooled
/// while the database is away), and callbacks claimed from the table (this host's own after a restart, or a dead
/// host's once its lease ran out) come back into the engine at their original place, through the retry list, so the
/// dispatcher's one timer queues them when they are due.
/// </summary>
public sealed partial class AcdDispatcher
{
    private Action<CallbackChange>? _callbackChanges;
    private Func<Guid, int, CancellationToken, Task<bool>>? _mayDial;

    /// <summary>Where each callback's request and outcomes are written (the spooled callback writer); without it they live in memory only.</summary>
    public void OnCallbackChanged(Action<CallbackChange> write) =>
        _callbackChanges = write ?? throw new ArgumentNullException(nameof(write));

    /// <summary>
    /// Asked once an agent answered for a callback, before the citizen is dialled (original call id, attempt): false
    /// when another host owns the callback now, because this host's lease ran out while it could not renew it. Only
    /// one host then dials the citizen. When the answer cannot be had (the database is away) the host dials.
    /// </summary>
    public void OnCallbackDialling(Func<Guid, int, CancellationToken, Task<bool>> mayDial) =>
        _mayDial = mayDial ?? throw new ArgumentNullException(nameof(mayDial));

    /// <summary>
    /// Takes over callbacks claimed from the store: each keeps its place (enqueue time, priority, skills) and the
    /// attempts it already used. One already held here (this host wrote it meanwhile) is left as it is; one whose
    /// attempts are used up is given up. Returns how many were taken.
    /// </summary>
    public Task<int> RestoreCallbacksAsync(IReadOnlyList<StoredCallback> callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        return PostAsync(() => callbacks.Count(RestoreOnLoop), cancellationToken);
    }

    private bool RestoreOnLoop(StoredCallback stored)
    {
        var callId = stored.OriginalCallId.ToString();
        if (_callbackHandler is null || _calls.ContainsKey(callId))
        {
            return false;
        }

        var language = Enum.TryParse<Language>(stored.Language, ignoreCase: true, out var chosen) ? chosen : default;
        var queued = new QueuedCall(new DepartedCaller(stored.OriginalCallId, stored.Number, stored.EnqueuedAt), stored.QueueId, stored.Skills, stored.Priority, stored.EnqueuedAt)
        {
            Language = stored.Language,
            Topic = stored.Topic,
            Callback = new QueueCallbackRequest(stored.Number, language, stored.Topic, stored.AttemptsAllowed, stored.RetryInterval),
            CallbackAttempts = stored.AttemptsMade,
        };

        // As for a callback taken here: the caller's wait is over, so nothing treats it as a caller still waiting.
        queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.CallbackRequested, stored.QueueId, _time.GetUtcNow() - stored.EnqueuedAt));
        if (stored.AttemptsExhausted)
        {
            // The host that held it died while dialling the last attempt.
            CallbackLog.GivenUp(_logger, callId, stored.AttemptsMade);
            RecordCallback(queued, CallbackState.GivenUp);
            return false;
        }

        _calls[callId] = queued;
        queued.CallbackRetryAt = stored.NextAttemptAt;
        _callbackRetries.Add(queued);
        CallbackLog.Restored(_logger, callId, stored.QueueId, stored.EnqueuedAt, stored.AttemptsMade);
        return true;
    }

    private void RecordRequest(QueuedCall queued, QueueCallbackRequest request) => _callbackChanges?.Invoke(CallbackChange.Requested(new StoredCallback(
        Guid.NewGuid(), queued.Caller.Id, queued.QueueId, request.Number, request.Language.Code(), request.Topic, queued.Skills, queued.EnqueuedAt, queued.Priority,
        request.Attempts, request.RetryInterval)
    {
        NextAttemptAt = _time.GetUtcNow(),
    }));

    private void RecordCallback(QueuedCall queued, CallbackState state) => _callbackChanges?.Invoke(
        new CallbackChange(queued.Caller.Id, state, queued.CallbackAttempts, queued.CallbackRetryAt ?? _time.GetUtcNow()));

    private async Task<bool> MayDialAsync(QueuedCall queued, int attempt)
    {
        if (_mayDial is null)
        {
            return true;
        }

        try
        {
            return await _mayDial(queued.Caller.Id, attempt, _stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CallbackLog.OwnershipUnknown(_logger, queued.CallId, exception);
            return true;
        }
    }

    /// <summary>Another host owns the callback now: the agent leaves the call and this host forgets the callback.</summary>
    private async Task LetGoOfLostCallbackAsync(QueuedCall queued, ICall agentLeg)
    {
        CallbackLog.LostToAnotherHost(_logger, queued.CallId);
        await agentLeg.HangupAsync(CancellationToken.None).ConfigureAwait(false);
        Post(() =>
        {
            Apply(_engine.Hangup(queued.CallId));
            queued.ConnectedAgent = null;
            queued.AgentLeg = null;
            _calls.Remove(queued.CallId);
        });
    }
}
