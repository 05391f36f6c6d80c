using Telephony.Host.Identity;

namespace Telephony.Host.Acd;

/// <summary>The supervisor page's API: queues with their callers, agents with their calls, today's counts; as JSON and as server-sent events.</summary>
internal static class SupervisorEndpoints
{
    /// <summary>Today's counts move when call records land, which the ACD does not signal: the view is pushed at least this often.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapSupervisor(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/supervisor/live", async (DateTimeOffset? since, SupervisorBoard board, TimeProvider time, CancellationToken cancellationToken) =>
                Results.Ok(await board.ViewAsync(since ?? StartOfUtcDay(time), cancellationToken)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Queues")
            .WithSummary("Callers waiting (queue, place, number, language, topic, since when), agents (status, state, since when, call) and counts per queue for calls since `since` (default: start of the UTC day).");
        endpoints.MapGet("/api/supervisor/events", (DateTimeOffset? since, SupervisorBoard board, AcdDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.ServerSentEvents(
                    AgentDeskEndpoints.StreamAsync<SupervisorView>(
                        async () => await board.ViewAsync(since ?? StartOfUtcDay(time), cancellationToken), "live", Heartbeat, dispatcher, time, cancellationToken)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Queues")
            .WithSummary("Server-sent events: the supervisor view (as GET /api/supervisor/live) at once, then on every change.");
        return endpoints;
    }

    private static DateTimeOffset StartOfUtcDay(TimeProvider time) => new(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
}
