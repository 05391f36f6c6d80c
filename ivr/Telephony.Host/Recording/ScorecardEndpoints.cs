using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Host.Identity;
using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>Scorecard forms: list, read a version, save a draft (a new version once the latest is published), publish.</summary>
internal static class ScorecardEndpoints
{
    public static IEndpointRouteBuilder MapScorecards(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/scorecards").WithTags("Scorecards").RequireAuthorization(Policies.Recordings);
        group.MapGet("/", (RecordingQueries queries, CancellationToken cancellationToken) => queries.ScorecardsAsync(cancellationToken))
            .WithSummary("Every form with its newest and newest published version.");
        group.MapGet("/{formId}", LatestAsync).WithSummary("A form's newest version, or with `published=true` the newest published one.");
        group.MapGet("/{formId}/versions/{version:int}", VersionAsync).WithSummary("One version of a form.");
        group.MapPost("/{formId}", SaveDraftAsync).WithSummary("Saves the form's draft; when the newest version is published this starts the next version.");
        group.MapPost("/{formId}/versions/{version:int}/publish", PublishAsync).WithSummary("Publishes a draft version; from then on it cannot change.");
        return endpoints;
    }

    private static async Task<IResult> LatestAsync(string formId, bool? published, ScorecardStore scorecards, CancellationToken cancellationToken)
    {
        var form = published == true
            ? await scorecards.GetLatestPublishedAsync(formId, cancellationToken)
            : await scorecards.GetLatestAsync(formId, cancellationToken);
        return form is null ? Results.NotFound() : Results.Ok(ScorecardDocument.From(form));
    }

    private static async Task<IResult> VersionAsync(string formId, int version, ScorecardStore scorecards, CancellationToken cancellationToken) =>
        await scorecards.GetAsync(formId, version, cancellationToken) is { } form ? Results.Ok(ScorecardDocument.From(form)) : Results.NotFound();

    private static async Task<IResult> SaveDraftAsync(string formId, ScorecardDocument document, ScorecardStore scorecards, CancellationToken cancellationToken)
    {
        try
        {
            var definition = document.ToDefinition();
            var saved = await scorecards.SaveDraftAsync(formId, string.IsNullOrWhiteSpace(document.Name) ? formId : document.Name, definition, cancellationToken);
            return Results.Ok(ScorecardDocument.From(saved));
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (ScorecardPublishedException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> PublishAsync(
        string formId, int version, ClaimsPrincipal user, HttpContext context, ScorecardStore scorecards, AuditLog audit, CancellationToken cancellationToken)
    {
        try
        {
            var published = await scorecards.PublishAsync(formId, version, cancellationToken);
            await audit.WriteAsync(RecordingPermissions.NameOf(user), "scorecard-published", $"{formId}/{version}", null,
                context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
            return Results.Ok(ScorecardDocument.From(published));
        }
        catch (KeyNotFoundException)
        {
            return Results.NotFound();
        }
        catch (ScorecardPublishedException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
