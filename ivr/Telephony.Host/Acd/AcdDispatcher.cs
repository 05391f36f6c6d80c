using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Acd.Agents;
using Telephony.Acd.Diagnostics;
using Telephony.Acd.Estimation;
using Telephony.Acd.Ports;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Status;
using Telephony.Calls.Control;
using Telephony.Host.Acd.Live;
using Telephony.Host.Calls;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Model;

namespace Telephony.Host.Acd;

/// <summary>
/// Owns the process's one <see cref="AcdEngine"/>. Every input (callers, agent status, reservation outcomes, answers,
/// hang-ups, the engine's timer) is a work item on one channel read by one loop, so the engine is never touched by two
/// threads. Commands that do I/O (the reservation store, ringing an agent) run off the loop and post their outcome back.
/// One timer, set to the engine's <see cref="AcdEngine.NextDueAt"/>, drives every deadline.
/// </summary>
public sealed partial class AcdDispatcher : BackgroundService
{
    private readonly AcdEngine _engine;
    private readonly TimeProvider _time;
    private readonly IAcdConfigurationSource _configuration;
    private readonly IAgentReservationStore _reservations;
    private readonly IAcdEventRecorder _records;
    private readonly ICallBackend _backend;
    private readonly IMediaTapFactory _taps;
    private readonly AcdMetrics _metrics;
    private readonly AcdRepairMetrics _repairs;
    private readonly ILogger<AcdDispatcher> _logger;
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, QueuedCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agentIdsByExtension = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _extensionsByAgentId = new(StringComparer.Ordinal);
    private readonly OffLoopWork _offLoop;

    /// <summary>The last reservation-store call started for each agent (touched on the loop only).</summary>
    private readonly Dictionary<string, Task> _storeCallsByAgent = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly AcdTodayCounters _today;
    private readonly AcdLiveMetrics _liveMetrics;
    private CancellationToken _stopping = CancellationToken.None;

    public AcdDispatcher(
        TimeProvider time,
        IAcdConfigurationSource configuration,
        IAgentReservationStore reservations,
        IAcdEventRecorder records,
        ICallBackend backend,
        IMediaTapFactory taps,
        AcdMetrics metrics,
        AcdRepairMetrics repairs,
        ILogger<AcdDispatcher> logger,
        AcdLiveOptions? liveOptions = null,
        AgentCurrentStatusWriter? sharedStatuses = null)
    {
        _sharedStatusWriter = sharedStatuses;
        _time = time;
        _configuration = configuration;
        _reservations = reservations;
        _records = records;
        _backend = backend;
        _taps = taps;
        _metrics = metrics;
        _repairs = repairs;
        _logger = logger;
        _engine = new AcdEngine(time);
        _offLoop = new OffLoopWork(logger);
        _timer = time.CreateTimer(_ => Post(TickOnLoop), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        LiveOptions = liveOptions ?? AcdLiveOptions.Default;
        _today = new AcdTodayCounters(LiveOptions);
        _liveMetrics = new AcdLiveMetrics(() => Live, time, LiveOptions);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _ = _offLoop.Start(() => LoadConfigurationAsync(stoppingToken));
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    item();
                }
#pragma warning disable CA1031 // One failed input must not stop the ACD for every other caller; it is logged.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    CallsLog.DispatcherItemFailed(_logger, exception);
                }

                PublishLive();
                ArmTimer();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: waiters still pending are refused below.
        }

        foreach (var call in _calls.Values.Where(c => c.ConnectedAgent is null))
        {
            call.StopRinging();
            call.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.Refused, call.QueueId, _time.GetUtcNow() - call.EnqueuedAt));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _offLoop.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _timer.Dispose();
        _liveMetrics.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Queues the caller and completes when an agent's leg is bridged to it, the queue overflows it, or it hangs up.
    /// Music and announcements are the caller's flow's business; this only matches and connects.
    /// </summary>
    public Task<AcdWaitResult> WaitForAgentAsync(ICall call, QueueHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(handoff);
        var queued = new QueuedCall(call, handoff.Queue, handoff.Skills, handoff.Priority, _time.GetUtcNow())
        {
            Language = handoff.Language.Code(),
            Topic = handoff.Topic,
        };
        Post(() => EnqueueOnLoop(queued));
        var registration = cancellationToken.Register(() => Post(() => AbandonOnLoop(queued.CallId)));
        return CompleteWithAsync(queued.Completion.Task, registration);
    }

    /// <summary>The connected call ended (either side hung up): the agent goes to wrap-up and the reservation follows.</summary>
    public Task CallFinishedAsync(ICall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var callId = call.Id.ToString();
        return PostAsync(() => FinishOnLoop(callId), cancellationToken);
    }

    /// <summary>
    /// Sets an agent's chosen status; false when the extension is unknown or the change is not allowed now. A request
    /// in a starting host's first moments waits (up to <see cref="StatusWaitForConfiguration"/>) for the agents to be
    /// loaded, rather than calling a known agent unknown.
    /// </summary>
    public async Task<AcdRejection> SetAgentStatusAsync(string extension, AgentStatus status, string? reason, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!ConfigurationLoaded.IsCompleted)
        {
            await ConfigurationLoaded.WaitAsync(StatusWaitForConfiguration, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return await PostAsync(
            () =>
            {
                if (!_agentIdsByExtension.TryGetValue(extension, out var agentId))
                {
                    return AcdRejection.UnknownAgent;
                }

                var result = _engine.SetStatus(agentId, status, status == AgentStatus.OnBreak ? reason ?? "break" : null);
                Apply(result, changedBy);
                if (result.Rejection == AcdRejection.None)
                {
                    ShareStatus(agentId, status, reason ?? "break", changedBy);
                }

                CallsLog.AgentStatusSet(_logger, extension, status, reason, changedBy, result.Rejection);
                return result.Rejection;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a status request waits for a starting host's agents before it is answered as for an unknown agent.</summary>
    public static readonly TimeSpan StatusWaitForConfiguration = TimeSpan.FromSeconds(10);

    public Task<IReadOnlyList<AgentView>> GetAgentsAsync(CancellationToken cancellationToken) =>
        PostAsync(_engine.GetAgents, cancellationToken);

    public Task<IReadOnlyList<CallerView>> GetCallersAsync(CancellationToken cancellationToken) =>
        PostAsync(_engine.GetCallers, cancellationToken);

    public Task<WaitEstimate?> EstimateWaitAsync(ICall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var callId = call.Id.ToString();
        return PostAsync(() => _engine.EstimateWait(callId), cancellationToken);
    }

    /// <summary>Extension of an agent id, for pages and call records.</summary>
    public string ExtensionOf(string agentId) => _extensionsByAgentId.TryGetValue(agentId, out var extension) ? extension : agentId;

    private static async Task<AcdWaitResult> CompleteWithAsync(Task<AcdWaitResult> wait, CancellationTokenRegistration registration)
    {
        await using (registration.ConfigureAwait(false))
        {
            return await wait.ConfigureAwait(false);
        }
    }

    private void Post(Action item)
    {
        if (!_work.Writer.TryWrite(item))
        {
            CallsLog.DispatcherClosed(_logger);
        }
    }

    private Task<T> PostAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.TrySetResult(work());
            }
#pragma warning disable CA1031 // The exception is handed to the caller who asked.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                completion.TrySetException(exception);
            }
        });
        return completion.Task.WaitAsync(cancellationToken);
    }

    private Task<bool> PostAsync(Action work, CancellationToken cancellationToken) => PostAsync(
        () =>
        {
            work();
            return true;
        },
        cancellationToken);

    private void TickOnLoop()
    {
        Apply(_engine.Tick());
        RequeueDueCallbacks();
    }

    /// <summary>One engine timer for every deadline: set to the next due time after each input.</summary>
    private void ArmTimer()
    {
        if (Earliest(_engine.NextDueAt, NextCallbackRetryAt()) is not { } due)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = due - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Post(TickOnLoop);
            return;
        }

        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void EnqueueOnLoop(QueuedCall queued)
    {
        if (queued.Caller.State == CallState.Ended || _stopping.IsCancellationRequested)
        {
            queued.Completion.TrySetResult(new AcdWaitResult(
                queued.Caller.State == CallState.Ended ? AcdWaitOutcome.Abandoned : AcdWaitOutcome.Refused, queued.QueueId, TimeSpan.Zero));
            return;
        }

        _calls[queued.CallId] = queued;
        queued.EndedRegistration = queued.Caller.Ended.Register(() => Post(() => AbandonOnLoop(queued.CallId)));
        if (!_configured)
        {
            // Queues are still loading (the database may be away): the caller waits with music and joins once they are in.
            _pending.Add(queued);
            return;
        }

        EnqueueInEngine(queued);
    }

    private void EnqueueInEngine(QueuedCall queued)
    {
        var result = _engine.Enqueue(new EnqueueRequest(queued.CallId, queued.QueueId, Requirements(queued.Skills), queued.Priority, queued.EnqueuedAt));
        if (!result.Accepted)
        {
            _calls.Remove(queued.CallId);
            queued.EndedRegistration.Dispose();
            CallsLog.EnqueueRefused(_logger, queued.QueueId, result.Rejection);
            queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.Refused, queued.QueueId, TimeSpan.Zero));
            return;
        }

        Apply(result);
    }

    private void AbandonOnLoop(string callId)
    {
        if (!_calls.TryGetValue(callId, out var queued) || queued.ConnectedAgent is not null || queued.Completion.Task.IsCompleted)
        {
            return;
        }

        queued.StopRinging();
        _calls.Remove(callId);
        queued.EndedRegistration.Dispose();
        Apply(_engine.Abandon(callId));
        queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.Abandoned, queued.QueueId, _time.GetUtcNow() - queued.EnqueuedAt));
    }

    private void FinishOnLoop(string callId)
    {
        if (_calls.Remove(callId, out var queued))
        {
            queued.EndedRegistration.Dispose();
            if (queued.ConnectedAgent is not null)
            {
                Apply(_engine.Hangup(callId));
            }
        }
    }

    private static SkillRequirement[] Requirements(IReadOnlyList<string> skills) => [.. skills.Select(skill => new SkillRequirement(skill))];
}
