using Telephony.Host.Acd;
using Telephony.Host.Acd.Live;
using Telephony.Host.Calls;
using Telephony.Host.Identity;
using Telephony.Host.Pages;

namespace Telephony.Host.Wallboard;

/// <summary>The wallboard page and the figures it polls, for supervisors and admins.</summary>
internal static class WallboardEndpoints
{
    public static IEndpointRouteBuilder MapWallboard(this IEndpointRouteBuilder endpoints)
    {
        PageEndpoints.MapPage(endpoints, "/wallboard", "wallboard.html", Policies.Supervision);
        endpoints.MapGet("/api/wallboard", (AcdDispatcher dispatcher, HotlineCallFlow flow, TimeProvider time) => Results.Ok(Read(dispatcher, flow, time)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Queues")
            .WithSummary("Live figures for the wallboard: calls by phase, agents by state, and per queue waiting, longest wait, agents, and today's offered, answered, abandoned and service level.");
        return endpoints;
    }

    public static WallboardView Read(AcdDispatcher dispatcher, HotlineCallFlow flow, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var today = dispatcher.LiveOptions.DayOf(now);
        var live = dispatcher.Live;
        var phases = flow.Calls.GroupBy(call => call.Phase).ToDictionary(group => group.Key, group => group.Count());
        var calls = new WallboardCalls(
            phases.GetValueOrDefault(HotlineCallPhase.Menu),
            phases.GetValueOrDefault(HotlineCallPhase.Queue),
            phases.GetValueOrDefault(HotlineCallPhase.Talking));
        var queues = live.Queues.Select(queue =>
        {
            var figures = live.TodayOf(queue, today);
            return new WallboardQueue(
                queue.Queue,
                queue.Waiting,
                Math.Round(queue.LongestWait(now).TotalSeconds, 1),
                queue.AgentsAvailable,
                queue.AgentsOnCall,
                figures.Offered,
                figures.Answered,
                figures.Abandoned,
                figures.ServiceLevel is { } level ? Math.Round(level * 100, 1) : null);
        }).ToArray();
        return new WallboardView(
            now,
            calls,
            live.AgentsByState().ToDictionary(pair => AgentLiveStates.NameOf(pair.Key), pair => pair.Value, StringComparer.Ordinal),
            [.. live.Agents.Select(agent => new WallboardAgent(agent.Extension, AgentLiveStates.NameOf(agent.State), agent.BreakReason))],
            queues);
    }
}
