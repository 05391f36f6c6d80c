using Telephony.Acd.Agents;
using Telephony.Calls.Control;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

public sealed partial class AcdDispatcher
{
    /// <summary>
    /// Brings the engine back in line with the calls that are really up: a queued caller whose leg is gone is
    /// abandoned, a connected call whose legs are both gone is hung up, and an agent or caller the engine holds for a
    /// call this dispatcher no longer knows is released. Returns the number of repairs (each is logged).
    /// </summary>
    public Task<int> RepairAsync(CancellationToken cancellationToken) => PostAsync(RepairOnLoop, cancellationToken);

    private int RepairOnLoop()
    {
        var repairs = 0;
        foreach (var queued in _calls.Values.ToArray())
        {
            if (queued.Callback is not null)
            {
                // A callback has no live leg by design; its agent leg is the callback's own business.
                continue;
            }

            if (queued.ConnectedAgent is null && queued.Caller.State == CallState.Ended)
            {
                CallsLog.RepairedCaller(_logger, queued.CallId, "queued caller without a live leg");
                AbandonOnLoop(queued.CallId);
                repairs++;
            }
            else if (queued.ConnectedAgent is not null && queued.Caller.State == CallState.Ended && queued.AgentLeg?.State is null or CallState.Ended)
            {
                CallsLog.RepairedCaller(_logger, queued.CallId, "connected call with both legs gone");
                FinishOnLoop(queued.CallId);
                repairs++;
            }
        }

        foreach (var agent in _engine.GetAgents())
        {
            if (agent.CallId is not { } callId || agent.State is AgentState.Idle or AgentState.WrapUp || _calls.ContainsKey(callId))
            {
                continue;
            }

            CallsLog.RepairedAgent(_logger, agent.Extension, agent.State, callId);
            Apply(agent.State == AgentState.OnCall ? _engine.Hangup(callId) : _engine.Abandon(callId));
            repairs++;
        }

        foreach (var caller in _engine.GetCallers())
        {
            if (!_calls.ContainsKey(caller.CallId))
            {
                CallsLog.RepairedCaller(_logger, caller.CallId, "caller queued in the engine without a call");
                Apply(_engine.Abandon(caller.CallId));
                repairs++;
            }
        }

        _repairs.Add(repairs);
        return repairs;
    }
}
