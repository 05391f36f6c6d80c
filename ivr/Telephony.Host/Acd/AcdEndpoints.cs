using System.Security.Claims;
using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Host.Audit;
using Telephony.Host.Identity;

namespace Telephony.Host.Acd;

/// <summary>Agent status and live supervision over HTTP.</summary>
internal static class AcdEndpoints
{
    public static IEndpointRouteBuilder MapAcd(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/api/agents/{extension}/status", SetStatusAsync)
            .RequireAuthorization(Policies.AnyAccount)
            .WithTags("Agents")
            .WithSummary("Sets an agent's status (available, break with a reason, loggedOut): the agent's own account, or a supervisor or admin (audited).");
        endpoints.MapGet("/api/agents", async (AcdDispatcher dispatcher, CancellationToken cancellationToken) =>
                Results.Ok((await dispatcher.GetAgentsAsync(cancellationToken)).Select(Summarise)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Agents")
            .WithSummary("Every agent with status, state and idle-since.");
        endpoints.MapGet("/api/queues/live", LiveQueuesAsync)
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Queues")
            .WithSummary("Per queue: callers waiting and the longest wait so far.");
        return endpoints;
    }

    private static async Task<IResult> SetStatusAsync(
        string extension,
        AgentStatusRequest request,
        ClaimsPrincipal user,
        AcdDispatcher dispatcher,
        AuditLog audit,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (ParseStatus(request.Status) is not { } status)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["must be available, break or loggedOut"] });
        }

        var own = string.Equals(user.FindFirstValue(ClaimsFactory.ExtensionClaim), extension, StringComparison.Ordinal);
        var supervising = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        if (!own && !supervising)
        {
            return Results.Forbid();
        }

        var actor = user.Identity?.Name ?? "unknown";
        var rejection = await dispatcher.SetAgentStatusAsync(extension, status, request.Reason, actor, cancellationToken);
        if (rejection == AcdRejection.UnknownAgent)
        {
            return Results.NotFound();
        }

        if (!own)
        {
            await audit.WriteAsync(actor, "agent-status-forced", extension, new { status = request.Status, request.Reason, rejection = rejection.ToString() },
                http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        }

        return rejection == AcdRejection.None ? Results.NoContent() : Results.Conflict(new { rejection = rejection.ToString() });
    }

    private static async Task<IResult> LiveQueuesAsync(AcdDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var callers = await dispatcher.GetCallersAsync(cancellationToken);
        var queues = callers.GroupBy(caller => caller.QueueId, StringComparer.Ordinal)
            .Select(group => new QueueLiveSummary(group.Key, group.Count(), group.Max(caller => (now - caller.EnqueuedAt).TotalSeconds)))
            .OrderBy(queue => queue.Queue, StringComparer.Ordinal);
        return Results.Ok(queues);
    }

    private static AgentStatus? ParseStatus(string? status) => status switch
    {
        "available" => AgentStatus.Available,
        "break" => AgentStatus.OnBreak,
        "loggedOut" => AgentStatus.LoggedOut,
        _ => null,
    };

    private static AgentSummary Summarise(AgentView agent) => new(
        agent.Extension,
        agent.Status switch
        {
            AgentStatus.Available => "available",
            AgentStatus.OnBreak => "break",
            _ => "loggedOut",
        },
        agent.BreakReason,
        agent.State.ToString(),
        agent.IdleSince,
        agent.CallId is not null);
}
