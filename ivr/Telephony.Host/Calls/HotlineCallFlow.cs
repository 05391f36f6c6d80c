using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telephony.Calls.Control;
using Telephony.Host.Acd;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>
/// Takes every inbound call: the hotline number runs the published menu, then the ACD (music, announcements, the
/// agent), then the menu again (survey or overflow); anything else is refused. Every call ends with a call record.
/// On host stop new calls are refused, calls in progress get <see cref="HotlineOptions.ShutdownGrace"/> to finish,
/// then are hung up, and the record sink is flushed.
/// </summary>
public sealed partial class HotlineCallFlow : IHostedService, IDisposable
{
    private readonly ICallBackend _backend;
    private readonly IPublishedMenu _menu;
    private readonly IvrInterpreter _interpreter;
    private readonly IPromptLibrary _prompts;
    private readonly AcdDispatcher _dispatcher;
    private readonly ICallRecordSink _records;
    private readonly HotlineOptions _options;
    private readonly TimeSpan _shutdownGrace;
    private readonly TimeProvider _time;
    private readonly ILogger<HotlineCallFlow> _logger;
    private readonly ConcurrentDictionary<Guid, ActiveCall> _active = new();
    private readonly HotlineMetrics _metrics;
    private readonly CancellationTokenSource _hardStop = new();
    private volatile bool _stopping;

    public HotlineCallFlow(
        ICallBackend backend,
        IPublishedMenu menu,
        IvrInterpreter interpreter,
        IPromptLibrary prompts,
        AcdDispatcher dispatcher,
        ICallRecordSink records,
        HotlineOptions options,
        TimeProvider time,
        ILogger<HotlineCallFlow> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _backend = backend;
        _menu = menu;
        _interpreter = interpreter;
        _prompts = prompts;
        _dispatcher = dispatcher;
        _records = records;
        _options = options;
        _shutdownGrace = options.ShutdownGrace;
        _time = time;
        _logger = logger;
        _metrics = new HotlineMetrics(() => _active.Values);
    }

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls => _active.Count;

    /// <summary>Ids of the calls in progress and their live legs (the watchdog compares them with the ACD).</summary>
    internal IReadOnlyCollection<ActiveCall> Calls => [.. _active.Values];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.MenuClock is { } menuClock)
        {
            CallsHostLog.MenuClockSet(_logger, menuClock.Setting, menuClock.Description);
        }

        _backend.OnIncomingCall(HandleAsync);
        _dispatcher.OnCallbackDue(CallBackAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var finishing = _active.Values.Select(call => call.Finished).ToArray();
        try
        {
            await Task.WhenAll(finishing).WaitAsync(_shutdownGrace, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Grace is over: end what is still talking so every call gets its record.
            await _hardStop.CancelAsync().ConfigureAwait(false);
            foreach (var call in _active.Values)
            {
                await HangUpQuietlyAsync(call.Caller).ConfigureAwait(false);
                if (call.AgentLeg is { } agentLeg)
                {
                    await HangUpQuietlyAsync(agentLeg).ConfigureAwait(false);
                }
            }

            await Task.WhenAll(_active.Values.Select(call => call.Finished)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _records.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _metrics.Dispose();

    /// <summary>The backend's incoming-call handler.</summary>
    public async Task HandleAsync(ICall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var scope = CallsLog.CallScope(_logger, call.Id, call.ProtocolCallId);
        CallsLog.CallArrived(_logger, call.From, call.To);
        if (_stopping || !string.Equals(call.To, _options.Number, StringComparison.Ordinal))
        {
            var rejection = _stopping ? CallRejection.ServiceUnavailable : CallRejection.NotFound;
            CallsLog.CallRejected(_logger, call.To, rejection);
            await call.RejectAsync(rejection, cancellationToken).ConfigureAwait(false);
            return;
        }

        var active = new ActiveCall(call);
        _active[call.Id] = active;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _hardStop.Token);
        var builder = new CallRecordBuilder(call, _options);
        IvrOutcome? outcome = null;
        try
        {
            outcome = await RunAsync(active, builder, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || stop.IsCancellationRequested)
        {
            CallsLog.CallFlowFailed(_logger, exception);
            await HangUpQuietlyAsync(call).ConfigureAwait(false);
            if (active.AgentLeg is { } agentLeg)
            {
                // An agent's phone must not stay connected to a call that is over.
                await HangUpQuietlyAsync(agentLeg).ConfigureAwait(false);
            }
        }
        finally
        {
            await FinishAsync(active, builder, outcome).ConfigureAwait(false);
        }
    }

    private async Task<IvrOutcome> RunAsync(ActiveCall active, CallRecordBuilder builder, CancellationToken cancellationToken)
    {
        var call = active.Caller;
        var (tree, version) = await _menu.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_options.MenuClock is { } menuClock)
        {
            CallsHostLog.CallOnMenuClock(_logger, menuClock.GetUtcNow(), menuClock.Setting);
        }

        var context = new IvrCallContext { HolidayCalendars = _options.HolidayCalendars, WallClock = _options.MenuClock };
        var outcome = await _interpreter.RunAsync(call, tree, version, context, cancellationToken).ConfigureAwait(false);
        var handoff = outcome.Queue;
        while (outcome.Exit == IvrExit.HandedToQueue && handoff is not null)
        {
            active.IvrPath = outcome.Path.NodeIds;
            builder.Queued(handoff.Queue, _time.GetUtcNow());
            active.Phase = HotlineCallPhase.Queue;
            var waited = await WaitInQueueAsync(call, handoff, cancellationToken).ConfigureAwait(false);
            active.Phase = waited.Outcome == AcdWaitOutcome.Answered ? HotlineCallPhase.Talking : HotlineCallPhase.Menu;
            builder.WaitEnded(waited, _time.GetUtcNow());
            CallsLog.WaitEnded(_logger, waited.Waited.TotalSeconds, waited.QueueId, waited.Outcome);
            switch (waited.Outcome)
            {
                case AcdWaitOutcome.Answered:
                    active.AgentLeg = waited.AgentLeg;
                    var (end, transferQueue) = await TalkAsync(call, waited.AgentLeg!, waited.AgentExtension, cancellationToken).ConfigureAwait(false);
                    builder.TalkEnded(_time.GetUtcNow());
                    active.AgentLeg = null;
                    active.Phase = HotlineCallPhase.Menu;
                    if (end == ConversationEnd.Transferred)
                    {
                        CallsLog.TransferredToQueue(_logger, waited.AgentExtension, waited.QueueId, transferQueue!);
                        builder.Transferred(waited.AgentExtension, transferQueue!, _time.GetUtcNow());
                        handoff = TransferHandoff(handoff, transferQueue!);
                        break;
                    }

                    if (end == ConversationEnd.CallerLeft)
                    {
                        return outcome;
                    }

                    outcome = await _interpreter.ResumeAfterAgentAsync(outcome, cancellationToken).ConfigureAwait(false);
                    handoff = outcome.Queue;
                    break;
                case AcdWaitOutcome.Overflowed:
                    outcome = await _interpreter.ResumeAtOverflowAsync(outcome, cancellationToken).ConfigureAwait(false);
                    handoff = outcome.Queue;
                    break;
                default:
                    await HangUpQuietlyAsync(call).ConfigureAwait(false);
                    return outcome;
            }
        }

        return outcome;
    }

    /// <summary>
    /// The caller's way into the queue an agent transferred it to: that queue's own skills (the engine adds them) and the
    /// caller's language, its priority, and the same survey or overflow the menu set for it.
    /// </summary>
    private static QueueHandoff TransferHandoff(QueueHandoff original, string queue) =>
        original with
        {
            Queue = queue,
            Skills = [.. original.Skills.Where(skill => skill.StartsWith(QueueNode.LanguageSkillPrefix, StringComparison.Ordinal))],
        };

    private async Task FinishAsync(ActiveCall active, CallRecordBuilder builder, IvrOutcome? outcome)
    {
        var call = active.Caller;
        if (call.State != CallState.Ended && call.State != CallState.Offered)
        {
            await HangUpQuietlyAsync(call).ConfigureAwait(false);
        }

        // A flow that failed while caller and agent talked must not leave the agent's phone connected to nothing.
        if (active.AgentLeg is { } agentLeg)
        {
            await HangUpQuietlyAsync(agentLeg).ConfigureAwait(false);
        }

        try
        {
            var record = builder.Build(outcome, _time.GetUtcNow());
            _metrics.CallFinished(record);
            CallsLog.CallFinished(_logger, record.Outcome, (record.TalkMs ?? 0) / 1000.0);
            await _records.WriteAsync(record, builder.Events, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A record that cannot be written is logged; the call is over either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.RecordWriteFailed(_logger, exception);
        }
        finally
        {
            _active.TryRemove(call.Id, out _);
            active.Finish();
        }
    }

    private async Task HangUpQuietlyAsync(ICall call)
    {
        if (call.State == CallState.Ended)
        {
            return;
        }

        try
        {
            await call.HangupAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A leg that is already gone cannot be hung up; nothing else to do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.CallFlowFailed(_logger, exception);
        }
    }
}
