using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;

namespace Telephony.Acd.Routing;

/// <summary>
/// One deadline queue for every timer (ring timeouts, wrap-up ends, back-off ends, relaxation steps, max wait).
/// The host calls <see cref="Tick"/> at <see cref="NextDueAt"/> (or on a steady heartbeat); no timer per call.
/// </summary>
public sealed partial class AcdEngine
{
    /// <summary>The earliest pending deadline, or null when nothing is scheduled. May be a stale entry; ticking early is harmless.</summary>
    public DateTimeOffset? NextDueAt =>
        _timers.TryPeek(out _, out var key) ? new DateTimeOffset(key.DueTicks, TimeSpan.Zero) : null;

    /// <summary>Handles every deadline that is due at the provider's current time, earliest first.</summary>
    public AcdResult Tick()
    {
        var nowTicks = Now.UtcTicks;
        while (_timers.TryPeek(out var entry, out var key) && key.DueTicks <= nowTicks)
        {
            _timers.Dequeue();
            Handle(entry);
        }

        return Finish();
    }

    private void Schedule(DateTimeOffset dueAt, TimerEntry entry) =>
        _timers.Enqueue(entry, (dueAt.UtcTicks, _sequence++));

    private void Handle(TimerEntry entry)
    {
        switch (entry.Kind)
        {
            case TimerKind.RingTimeout:
                if (entry.Agent!.TimerVersion == entry.Version && entry.Agent.Machine.State == AgentState.Ringing)
                {
                    HandleNoAnswer(entry.Agent);
                }

                break;
            case TimerKind.WrapUpEnd:
                if (entry.Agent!.TimerVersion == entry.Version && entry.Agent.Machine.State == AgentState.WrapUp)
                {
                    FinishWrapUp(entry.Agent);
                }

                break;
            case TimerKind.ReservationBackoffEnd:
                if (entry.Agent!.BackoffVersion == entry.Version && entry.Agent.BackoffUntil is not null)
                {
                    entry.Agent.BackoffUntil = null;
                    UpdateIndexes(entry.Agent);
                    TryOfferAgent(entry.Agent);
                }

                break;
            case TimerKind.Relaxation:
                Relax(entry.Caller!, entry.Version);
                break;
            case TimerKind.MaxWait:
                // A caller being rung keeps its chance; ReturnToQueue overflows it if that offer fails.
                if (!entry.Caller!.Removed && entry.Caller.State == CallerState.Waiting && !entry.Caller.IsCallback)
                {
                    RemoveCaller(entry.Caller);
                    EmitOverflow(entry.Caller, OverflowReason.MaxWaitReached, Now);
                }

                break;
        }
    }

    private void Relax(WaitingCaller caller, int level)
    {
        if (caller.Removed || caller.Level != level - 1)
        {
            return;
        }

        caller.Level = level;
        Emit(new CallerSkillsRelaxed(caller.CallId, caller.Queue.Id, level, Now));
        ScheduleNextRelaxation(caller);
        if (caller.State == CallerState.Waiting)
        {
            TryOfferCaller(caller);
        }
    }
}
