using System.Globalization;
using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Host.Acd;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

public sealed partial class HotlineCallFlow
{
    /// <summary>
    /// Waits in the ACD with music on hold. The pause between announcements is a digit collection on the call (no timer
    /// per call): when it times out the caller hears their position and estimated wait in their language, and the
    /// callback key when their number may be called back; the key ends the call with the place kept.
    /// </summary>
    private async Task<AcdWaitResult> WaitInQueueAsync(ICall call, QueueHandoff handoff, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wait = _dispatcher.WaitForAgentAsync(call, handoff, waiting.Token);
        using var pausing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stopPausing = wait.ContinueWith(
            static (_, state) => ((CancellationTokenSource)state!).Cancel(), pausing, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await call.StartMusicOnHoldAsync(MusicOnHold(), cancellationToken).ConfigureAwait(false);
            var pause = new DigitCollectionOptions(1, _options.AnnouncementInterval, _options.AnnouncementInterval);
            while (!wait.IsCompleted && call.State != CallState.Ended)
            {
                DigitsResult pressed;
                try
                {
                    pressed = await call.CollectDigitsAsync(pause, pausing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (wait.IsCompleted)
                {
                    break;
                }

                if (pressed.End == DigitsEnd.Timeout && !wait.IsCompleted)
                {
                    await AnnounceAsync(call, handoff.Language, pausing.Token).ConfigureAwait(false);
                }
                else if (IsCallbackKey(pressed) && !wait.IsCompleted && await TryLeaveForCallbackAsync(call, handoff, pausing.Token, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (wait.IsCompleted)
        {
            // The wait ended while an announcement played; its outcome follows.
        }
        finally
        {
            if (!wait.IsCompleted)
            {
                await waiting.CancelAsync().ConfigureAwait(false);
            }

            await stopPausing.ConfigureAwait(false);
        }

        return await wait.ConfigureAwait(false);
    }

    private async Task AnnounceAsync(ICall call, Language language, CancellationToken cancellationToken)
    {
        var estimate = await _dispatcher.EstimateWaitAsync(call, cancellationToken).ConfigureAwait(false);
        if (estimate is null || estimate.Position <= 0)
        {
            return;
        }

        var sources = new List<AudioSource>(_prompts.Say(new SpokenValue(SayAs.Number, estimate.Position.ToString(CultureInfo.InvariantCulture)), language));
        if (estimate.EstimatedWait is { } estimated)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(estimated.TotalMinutes));
            sources.AddRange(_prompts.Say(new SpokenValue(SayAs.Minutes, minutes.ToString(CultureInfo.InvariantCulture)), language));
        }

        sources.AddRange(CallbackOffer(call, language));

        await call.StopMusicOnHoldAsync(cancellationToken).ConfigureAwait(false);
        await call.PlayAsync(sources, PlaybackOptions.Once, cancellationToken).ConfigureAwait(false);
        await call.StartMusicOnHoldAsync(MusicOnHold(), cancellationToken).ConfigureAwait(false);
    }

    private AudioSource MusicOnHold() => _options.MusicOnHoldFile is { } file
        ? AudioSource.File(file)
        : new ToneAudioSource(ToneKind.Ringback, TimeSpan.FromSeconds(6));

    /// <summary>
    /// Caller and agent are bridged until one hangs up or the agent transfers the caller (a blind REFER naming a queue
    /// of this hotline: <c>sip:&lt;queue id&gt;@…</c>; nothing else is ever dialled). When the caller leaves, the agent's
    /// leg is hung up. When the agent leaves or transfers, the caller is unbridged and stays up: for the survey, or for
    /// the queue it was transferred to, whose id then comes with the result.
    /// </summary>
    private async Task<(ConversationEnd End, string? TransferQueue)> TalkAsync(ICall call, ICall agentLeg, string? agentExtension, CancellationToken cancellationToken)
    {
        using var transferred = new CancellationTokenSource();
        string? transferQueue = null;
        void OnAgentEvent(Telephony.Calls.Events.CallEvent callEvent)
        {
            if (callEvent is not Telephony.Calls.Events.CallTransferRequested request || transferred.IsCancellationRequested)
            {
                return;
            }

            var queue = TransferQueueOf(request.Target);
            if (queue is null)
            {
                CallsLog.TransferRefused(_logger, agentExtension, request.Target);
                return;
            }

            transferQueue = queue;
            transferred.Cancel();
        }

        agentLeg.EventRaised += OnAgentEvent;
        try
        {
            await WhenAnyEndsAsync([call.Ended, agentLeg.Ended, transferred.Token], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested)
        {
            // The flow's token is the caller's own hang-up and may fire before the Ended registration: the caller left.
        }
        finally
        {
            agentLeg.EventRaised -= OnAgentEvent;
            await _dispatcher.CallFinishedAsync(call, CancellationToken.None).ConfigureAwait(false);
        }

        if (call.State == CallState.Ended || call.Ended.IsCancellationRequested)
        {
            await HangUpQuietlyAsync(agentLeg).ConfigureAwait(false);
            return (ConversationEnd.CallerLeft, null);
        }

        await call.UnbridgeAsync(cancellationToken).ConfigureAwait(false);
        if (!transferred.IsCancellationRequested)
        {
            return (ConversationEnd.AgentLeft, null);
        }

        await HangUpQuietlyAsync(agentLeg).ConfigureAwait(false);
        return (ConversationEnd.Transferred, transferQueue);
    }

    /// <summary>The queue a transfer target names (its user part, e.g. <c>sip:admission@hotline</c>), if this hotline has it.</summary>
    private string? TransferQueueOf(string target)
    {
        var user = target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            ? target[(target.IndexOf(':', StringComparison.Ordinal) + 1)..]
            : target;
        var at = user.IndexOfAny(['@', ';', '?', '>']);
        user = at >= 0 ? user[..at] : user;
        return _dispatcher.Live.Queues.FirstOrDefault(q => string.Equals(q.Queue, user, StringComparison.Ordinal))?.Queue;
    }

    private static async Task WhenAnyEndsAsync(CancellationToken[] ends, CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = ends.Select(end => end.Register(() => ended.TrySetResult())).ToArray();
        try
        {
            await ended.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ends.Any(end => end.IsCancellationRequested))
        {
            // The flow's token is linked to the caller's Ended, and its cancellation can win the race against the
            // callback above: that is still "one side ended", and the agent's leg must be hung up, not abandoned.
        }
        finally
        {
            foreach (var registration in registrations)
            {
                await registration.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
