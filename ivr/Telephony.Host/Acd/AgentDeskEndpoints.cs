using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Npgsql;
using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Host.Identity;

namespace Telephony.Host.Acd;

/// <summary>
/// The agent desktop's API: the agent's own desk as JSON and as a server-sent event stream that pushes a new view on
/// every change, any agent's desk for supervisors, and the wrap-up (disposition on the call record, wrap-up ended early).
/// An agent sees and writes only their own calls.
/// </summary>
internal static class AgentDeskEndpoints
{
    /// <summary>A desk is pushed at least this often, so proxies keep the stream open and a lost change heals.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapAgentDesk(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/agents/me/desk", OwnDeskAsync)
            .RequireAuthorization(AgentDeskServices.AgentPolicy)
            .WithTags("Agent desktop")
            .WithSummary("The signed-in agent's status, state and since when, the call card (caller, language, topic, menu path, queue, wait, earlier calls) and the last call.");
        endpoints.MapGet("/api/agents/me/events", OwnEvents)
            .RequireAuthorization(AgentDeskServices.AgentPolicy)
            .WithTags("Agent desktop")
            .WithSummary("Server-sent events: the signed-in agent's desk (as GET /api/agents/me/desk) at once, then on every change.");
        endpoints.MapGet("/api/agents/{extension}/desk", DeskAsync)
            .RequireAuthorization(Policies.AnyAccount)
            .WithTags("Agent desktop")
            .WithSummary("An agent's desk: the agent's own account, or a supervisor or admin.");
        endpoints.MapPost("/api/agents/{extension}/wrap-up", WrapUpAsync)
            .RequireAuthorization(AgentDeskServices.AgentPolicy)
            .WithTags("Agent desktop")
            .WithSummary("Stores the wrap-up (disposition code, topic, notes) on the agent's call record and ends the wrap-up early if it is still running.");
        endpoints.MapGet("/api/agents/dispositions", () => Results.Ok(Dispositions.Codes))
            .RequireAuthorization(Policies.AnyAccount)
            .WithTags("Agent desktop")
            .WithSummary("The disposition codes the wrap-up accepts.");
        return endpoints;
    }

    private static async Task<IResult> OwnDeskAsync(ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken) =>
        user.FindFirstValue(ClaimsFactory.ExtensionClaim) is { } extension && await desk.ViewAsync(extension, cancellationToken) is { } view
            ? Results.Ok(view)
            : Results.NotFound();

    private static IResult OwnEvents(ClaimsPrincipal user, AgentDesk desk, AcdDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken) =>
        user.FindFirstValue(ClaimsFactory.ExtensionClaim) is { } extension
            ? TypedResults.ServerSentEvents(StreamAsync(() => desk.ViewAsync(extension, cancellationToken), "desk", Heartbeat, dispatcher, time, cancellationToken))
            : Results.NotFound();

    private static async Task<IResult> DeskAsync(string extension, ClaimsPrincipal user, AgentDesk desk, CancellationToken cancellationToken)
    {
        if (!IsOwn(user, extension) && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Admin))
        {
            return Results.Forbid();
        }

        return await desk.ViewAsync(extension, cancellationToken) is { } view ? Results.Ok(view) : Results.NotFound();
    }

    private static async Task<IResult> WrapUpAsync(
        string extension,
        WrapUpRequest request,
        ClaimsPrincipal user,
        AcdDispatcher dispatcher,
        WrapUpStore store,
        TimeProvider time,
        ILogger<AgentDesk> logger,
        CancellationToken cancellationToken)
    {
        if (!IsOwn(user, extension))
        {
            return Results.Forbid();
        }

        if (Problems(request) is { } problems)
        {
            return Results.ValidationProblem(problems);
        }

        if (await dispatcher.GetDeskAsync(extension, cancellationToken) is not { } desk)
        {
            return Results.NotFound();
        }

        var wrappingUp = desk.State == AgentState.WrapUp && desk.Card?.CallId == request.CallId;
        var cleaned = request with { Topic = Blank(request.Topic), Notes = Blank(request.Notes) };
        bool saved;
        try
        {
            saved = await store.SaveAsync(Guid.Parse(request.CallId), extension, cleaned, wrappingUp ? time.GetUtcNow() - desk.StateSince : null, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return Results.Problem("The call records cannot be written now; the wrap-up stays open, try again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!saved)
        {
            return Results.NotFound();
        }

        var endedEarly = wrappingUp && await dispatcher.EndWrapUpAsync(extension, request.CallId, cancellationToken) == AcdRejection.None;
        AgentDeskLog.WrapUpSaved(logger, request.CallId, extension, request.Disposition, endedEarly);
        return Results.Ok(new { endedEarly });
    }

    /// <summary>
    /// The view at once, then after each change the dispatcher signals (or the heartbeat). The wait for the next change
    /// starts before the view is built, so a change during the build is not missed.
    /// </summary>
    internal static async IAsyncEnumerable<SseItem<string>> StreamAsync<T>(
        Func<Task<T?>> view,
        string eventType,
        TimeSpan heartbeat,
        AcdDispatcher dispatcher,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = dispatcher.WhenDeskChangedAsync(cancellationToken);
            if (await view() is not { } current)
            {
                yield break;
            }

            // Serialised here with the web defaults (camelCase), like the JSON endpoints, not the stream's own defaults.
            yield return new SseItem<string>(JsonSerializer.Serialize(current, JsonSerializerOptions.Web), eventType);
            try
            {
                await changed.WaitAsync(heartbeat, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing changed: push the same view as a heartbeat.
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static Dictionary<string, string[]>? Problems(WrapUpRequest request)
    {
        var problems = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.CallId, out _))
        {
            problems["callId"] = ["must be the id of the call"];
        }

        if (!Dispositions.IsKnown(request.Disposition))
        {
            problems["disposition"] = ["must be one of " + string.Join(", ", Dispositions.Codes)];
        }

        if (request.Notes?.Length > Dispositions.MaxNotesLength)
        {
            problems["notes"] = [$"must be at most {Dispositions.MaxNotesLength} characters"];
        }

        if (request.Topic?.Length > 100)
        {
            problems["topic"] = ["must be at most 100 characters"];
        }

        return problems.Count == 0 ? null : problems;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsOwn(ClaimsPrincipal user, string extension) =>
        string.Equals(user.FindFirstValue(ClaimsFactory.ExtensionClaim), extension, StringComparison.Ordinal);
}
