using System.Globalization;
using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Host.Acd;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>
/// The callback key while waiting, and the callback itself: once the ACD has an agent on the line for a callback's
/// place, the citizen is dialled (only a number the allowed pattern accepts), bridged to the agent with the recording
/// tap, and the callback gets its own call record (is_callback) tied to the original call by a callback-made event.
/// </summary>
public sealed partial class HotlineCallFlow
{
    private bool IsCallbackKey(DigitsResult pressed) =>
        _options.Callback.Key is { } key && string.Equals(pressed.Digits, key, StringComparison.Ordinal);

    private IReadOnlyList<AudioSource> CallbackOffer(ICall call, Language language) =>
        _options.Callback.Key is { } key && _options.Callback.IsAllowed(call.From) ? QueueCallbackWording.Offer(_prompts, language, key) : [];

    /// <summary>
    /// True when the caller's place became a callback: they heard the confirmation and the call is hung up. A number
    /// that may not be dialled hears that a callback is not possible and keeps waiting.
    /// </summary>
    private async Task<bool> TryLeaveForCallbackAsync(ICall call, QueueHandoff handoff, CancellationToken pausing, CancellationToken cancellationToken)
    {
        var options = _options.Callback;
        if (!options.IsAllowed(call.From))
        {
            await call.StopMusicOnHoldAsync(pausing).ConfigureAwait(false);
            await call.PlayAsync(QueueCallbackWording.NotPossible(_prompts, handoff.Language), PlaybackOptions.Once, pausing).ConfigureAwait(false);
            await call.StartMusicOnHoldAsync(MusicOnHold(), pausing).ConfigureAwait(false);
            return false;
        }

        var request = new QueueCallbackRequest(call.From, handoff.Language, handoff.Topic, options.Attempts, options.RetryInterval);
        if (!await _dispatcher.RequestCallbackAsync(call, request, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // The place is kept already; the confirmation is played on the call's own token, since the wait just ended.
        await call.StopMusicOnHoldAsync(cancellationToken).ConfigureAwait(false);
        await call.PlayAsync(QueueCallbackWording.Confirmed(_prompts, handoff.Language), PlaybackOptions.Once, cancellationToken).ConfigureAwait(false);
        await HangUpQuietlyAsync(call).ConfigureAwait(false);
        return true;
    }

    /// <summary>The dispatcher's hand-off: the agent is on the line for a callback; dial the citizen and bridge them.</summary>
    private async Task<CallbackAttemptOutcome> CallBackAsync(CallbackDial dial, CancellationToken cancellationToken)
    {
        var number = dial.Request.Number;
        var startedAt = _time.GetUtcNow();
        if (!_options.Callback.IsAllowed(number))
        {
            await WriteCallbackMadeAsync(dial, startedAt, CallbackAttemptOutcome.Refused, null).ConfigureAwait(false);
            return CallbackAttemptOutcome.Refused;
        }

        var request = new OriginateRequest(number, _options.Number, _options.Callback.RingTimeout) { RelatedCallId = dial.OriginalCallId };
        using var agentGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dial.AgentLeg.Ended);
        var result = await _backend.OriginateAsync(request, agentGone.Token).ConfigureAwait(false);
        if (result.Call is not { } citizen)
        {
            var outcome = result.Failure is OriginateFailure.NoAnswer or OriginateFailure.Busy or OriginateFailure.Cancelled
                ? CallbackAttemptOutcome.NoAnswer
                : CallbackAttemptOutcome.Refused;
            await WriteCallbackMadeAsync(dial, startedAt, outcome, null).ConfigureAwait(false);
            return outcome;
        }

        var active = new ActiveCall(citizen) { AgentLeg = dial.AgentLeg };
        _active[citizen.Id] = active;
        var answeredAt = _time.GetUtcNow();
        try
        {
            await WriteCallbackMadeAsync(dial, startedAt, CallbackAttemptOutcome.Answered, citizen.Id).ConfigureAwait(false);
            await citizen.BridgeAsync(dial.AgentLeg, dial.CreateTap(citizen), cancellationToken).ConfigureAwait(false);
            await WhenAnyEndsAsync([citizen.Ended, dial.AgentLeg.Ended], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await HangUpQuietlyAsync(citizen).ConfigureAwait(false);
            await HangUpQuietlyAsync(dial.AgentLeg).ConfigureAwait(false);
            await WriteCallbackRecordAsync(dial, citizen, startedAt, answeredAt).ConfigureAwait(false);
            _active.TryRemove(citizen.Id, out _);
            active.Finish();
        }

        return CallbackAttemptOutcome.Answered;
    }

    private ValueTask WriteCallbackMadeAsync(CallbackDial dial, DateTimeOffset at, CallbackAttemptOutcome outcome, Guid? callbackCallId)
    {
        var word = outcome switch
        {
            CallbackAttemptOutcome.Answered => "answered",
            CallbackAttemptOutcome.NoAnswer => "no-answer",
            _ => "refused",
        };
        var gaveUp = outcome == CallbackAttemptOutcome.Refused || (outcome == CallbackAttemptOutcome.NoAnswer && dial.IsLastAttempt);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"attempt\":{dial.Attempt},\"attempts\":{dial.Request.Attempts},\"outcome\":\"{word}\",\"gaveUp\":{(gaveUp ? "true" : "false")}{(callbackCallId is { } id ? $",\"callbackCallId\":\"{id}\"" : "")}}}");
        var made = new QueueEventRecord(at, dial.OriginalCallId, dial.QueueId, "callback-made", dial.AgentExtension, _options.HostId) { DetailJson = detail };
        return _records.WriteEventsAsync([made], CancellationToken.None);
    }

    private async Task WriteCallbackRecordAsync(CallbackDial dial, ICall citizen, DateTimeOffset startedAt, DateTimeOffset answeredAt)
    {
        var endedAt = _time.GetUtcNow();
        var statistics = citizen.MediaStatistics;
        var record = new HotlineCallRecord
        {
            Id = citizen.Id,
            SipCallId = citizen.ProtocolCallId,
            HostId = _options.HostId,
            // The citizen's number in both: caller history finds the callback next to the call that asked for it.
            Caller = dial.Request.Number,
            Dialed = dial.Request.Number,
            StartedAt = startedAt,
            AnsweredAt = answeredAt,
            EndedAt = endedAt,
            Language = dial.Request.Language.Code(),
            Topic = dial.Request.Topic,
            QueueId = dial.QueueId,
            QueuedAt = dial.EnqueuedAt,
            AgentId = dial.AgentExtension,
            AgentAnsweredAt = answeredAt,
            WaitMs = (int)Math.Clamp((answeredAt - dial.EnqueuedAt).TotalMilliseconds, 0, int.MaxValue),
            TalkMs = (int)Math.Clamp((endedAt - answeredAt).TotalMilliseconds, 0, int.MaxValue),
            Outcome = CallOutcomes.Answered,
            IsCallback = true,
            CallbackOf = dial.OriginalCallId,
            RtpPacketsIn = statistics.PacketsReceived,
            RtpLost = statistics.PacketsLost,
            JitterMs = statistics.JitterMilliseconds,
            Mos = statistics.Mos,
        };
        try
        {
            await _records.WriteAsync(record, [], CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A record that cannot be written is logged; the callback is over either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.RecordWriteFailed(_logger, exception);
        }
    }
}
