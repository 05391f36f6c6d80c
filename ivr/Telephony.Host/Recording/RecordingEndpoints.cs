using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Host.Identity;
using Telephony.Host.Pages;
using Telephony.Recording;
using Telephony.Recording.Store;

namespace Telephony.Host.Recording;

/// <summary>
/// Recordings: the filtered list and details for reviewers, and the audio (range requests, decrypted when stored
/// encrypted) for reviewers and for an agent's own calls. Every playback and download goes to the audit log and the
/// recording's access log; a refusal is a 403 that the access-denied middleware writes to the audit log.
/// </summary>
internal static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/recordings").WithTags("Recordings");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Recordings)
            .WithSummary("Recordings, newest first; filters: from, to (ISO 8601), agent, queue, caller (part of the number), minSeconds, maxSeconds, evaluated, limit.");
        group.MapGet("/{id:guid}", DetailsAsync).RequireAuthorization(Policies.AnyAccount)
            .WithSummary("One recording with its call (caller, SIP Call-ID), agent, queue and QA state. Reviewers, or the agent of the call.");
        group.MapGet("/{id:guid}/audio", AudioAsync).RequireAuthorization(Policies.AnyAccount)
            .WithSummary("The WAV (stereo: caller left, agent right), with range requests; `download=true` for an attachment. Every playback is audited.");
        group.MapEvaluationsOfRecording();
        endpoints.MapEvaluations();
        endpoints.MapScorecards();

        PageEndpoints.MapPage(endpoints, "/qa", "qa.html", Policies.Recordings);
        PageEndpoints.MapPage(endpoints, "/my/evaluations", "my-evaluations.html", Policies.AnyAccount);
        return endpoints;
    }

    private static async Task<IResult> ListAsync([AsParameters] RecordingFilter filter, RecordingQueries queries, CancellationToken cancellationToken) =>
        Results.Ok(await queries.ListAsync(filter, cancellationToken));

    private static async Task<IResult> DetailsAsync(Guid id, ClaimsPrincipal user, RecordingQueries queries, RecordingHostOptions options, CancellationToken cancellationToken)
    {
        var recording = await queries.GetAsync(id, cancellationToken);
        if (recording is null)
        {
            return Results.NotFound();
        }

        return RecordingPermissions.MayPlay(user, recording.Agent, options) ? Results.Ok(recording) : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> AudioAsync(
        Guid id,
        bool? download,
        HttpContext context,
        RecordingStore store,
        RecordingReader reader,
        AuditLog audit,
        RecordingHostOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(id, cancellationToken);
        if (row is null || row.DeletedAt is not null)
        {
            return Results.NotFound();
        }

        if (!RecordingPermissions.MayPlay(context.User, row.AgentId, options))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var stream = await reader.OpenAsync(id, cancellationToken);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var isDownload = download == true;
        if (isDownload || StartsPlayback(context.Request))
        {
            var user = RecordingPermissions.NameOf(context.User);
            var address = context.Connection.RemoteIpAddress;
            await audit.WriteAsync(user, isDownload ? "recording-downloaded" : "recording-played", id.ToString(),
                new { agent = row.AgentId, queue = row.QueueId, callId = row.CallId }, address?.ToString(), cancellationToken);
            await store.LogAccessAsync(new RecordingAccess(id, time.GetUtcNow(), user, isDownload ? RecordingAccessAction.Download : RecordingAccessAction.Play, address),
                cancellationToken);
        }

        return Results.File(stream, "audio/wav", isDownload ? $"recording-{id:D}.wav" : null, enableRangeProcessing: true);
    }

    /// <summary>
    /// A player asks for a file in many ranges while seeking; only the request that starts at the beginning (no range, or
    /// <c>bytes=0-</c>) is a playback worth an audit entry.
    /// </summary>
    private static bool StartsPlayback(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        return range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
    }
}
