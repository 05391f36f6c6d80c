using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Host.Identity;
using Telephony.Recording.Evaluations;
using Telephony.Recording.Scoring;
using Telephony.Recording.Store;

namespace Telephony.Host.Recording;

/// <summary>
/// Evaluations: reviewers start one on a recording with a published scorecard, save answers and submit (the server
/// computes the score); the agent of the call sees their submitted evaluations and acknowledges or disputes them.
/// </summary>
internal static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationsOfRecording(this RouteGroupBuilder recordings)
    {
        recordings.MapGet("/{id:guid}/evaluations", ListForRecordingAsync).RequireAuthorization(Policies.Recordings)
            .WithSummary("Every evaluation of a recording, drafts included.");
        recordings.MapPost("/{id:guid}/evaluations", CreateAsync).RequireAuthorization(Policies.Recordings)
            .WithSummary("Starts a draft evaluation of the recording with a published scorecard (default: the newest published version).");
        return recordings;
    }

    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.Recordings);
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One evaluation with its scorecard and recording.");
        group.MapPut("/{id:guid}/answers", SaveAnswersAsync).WithSummary("Replaces a draft's answers (the evaluator who started it).");
        group.MapPost("/{id:guid}/submit", SubmitAsync).WithSummary("Submits a draft: every criterion answered; the score is computed and frozen.");

        var mine = endpoints.MapGroup("/api/my/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.AnyAccount);
        mine.MapGet("/", MineAsync).WithSummary("The signed-in agent's submitted evaluations, newest first, with scorecards.");
        mine.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync).WithSummary("The agent accepts a submitted evaluation of their call.");
        mine.MapPost("/{id:guid}/dispute", DisputeAsync).WithSummary("The agent disputes a submitted evaluation of their call, with a reason.");
        return endpoints;
    }

    private static async Task<IResult> ListForRecordingAsync(Guid id, RecordingQueries queries, EvaluationStore evaluations, CancellationToken cancellationToken)
    {
        var list = new List<EvaluationView>();
        foreach (var evaluationId in await queries.EvaluationsOfRecordingAsync(id, cancellationToken))
        {
            if (await evaluations.GetAsync(evaluationId, cancellationToken) is { } evaluation)
            {
                list.Add(EvaluationView.From(evaluation));
            }
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> CreateAsync(
        Guid id, CreateEvaluationRequest? request, ClaimsPrincipal user, RecordingStore recordings, ScorecardStore scorecards, EvaluationStore evaluations,
        RecordingQueries queries, CancellationToken cancellationToken)
    {
        if (await recordings.GetAsync(id, cancellationToken) is not { DeletedAt: null })
        {
            return Results.NotFound();
        }

        var formId = request?.FormId ?? (await queries.ScorecardsAsync(cancellationToken)).FirstOrDefault(s => s.PublishedVersion is not null)?.FormId;
        if (formId is null)
        {
            return Results.Problem("No scorecard is published yet.", statusCode: StatusCodes.Status409Conflict);
        }

        var form = request?.Version is { } version
            ? await scorecards.GetAsync(formId, version, cancellationToken)
            : await scorecards.GetLatestPublishedAsync(formId, cancellationToken);
        if (form is not { IsPublished: true })
        {
            return Results.Problem($"Scorecard '{formId}' has no such published version.", statusCode: StatusCodes.Status409Conflict);
        }

        var evaluation = await evaluations.CreateDraftAsync(id, form.FormId, form.Version, RecordingPermissions.NameOf(user), cancellationToken);
        return Results.Created($"/api/evaluations/{evaluation.Id}", EvaluationView.From(evaluation) with { Scorecard = ScorecardDocument.From(form) });
    }

    private static async Task<IResult> GetAsync(Guid id, EvaluationStore evaluations, ScorecardStore scorecards, RecordingQueries queries, CancellationToken cancellationToken)
    {
        var evaluation = await evaluations.GetAsync(id, cancellationToken);
        return evaluation is null ? Results.NotFound() : Results.Ok(await DescribeAsync(evaluation, scorecards, queries, cancellationToken));
    }

    private static async Task<IResult> SaveAnswersAsync(Guid id, SaveAnswersRequest request, ClaimsPrincipal user, EvaluationStore evaluations, CancellationToken cancellationToken)
    {
        var evaluation = await evaluations.GetAsync(id, cancellationToken);
        if (evaluation is null)
        {
            return Results.NotFound();
        }

        if (!IsEvaluator(user, evaluation))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        Dictionary<string, CriterionAnswer> answers;
        try
        {
            answers = (request?.Answers ?? new Dictionary<string, AnswerDocument>()).ToDictionary(a => a.Key, a => a.Value.ToAnswer(), StringComparer.Ordinal);
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await evaluations.SaveAnswersAsync(id, answers, cancellationToken);
        }
        catch (EvaluationTransitionException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext context, EvaluationStore evaluations, AuditLog audit, CancellationToken cancellationToken)
    {
        var evaluation = await evaluations.GetAsync(id, cancellationToken);
        if (evaluation is null)
        {
            return Results.NotFound();
        }

        if (!IsEvaluator(context.User, evaluation))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var submitted = await evaluations.SubmitAsync(id, cancellationToken);
            await audit.WriteAsync(RecordingPermissions.NameOf(context.User), "evaluation-submitted", id.ToString(),
                new { recordingId = submitted.RecordingId, score = submitted.Score }, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
            return Results.Ok(EvaluationView.From(submitted));
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (EvaluationTransitionException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, RecordingQueries queries, EvaluationStore evaluations, ScorecardStore scorecards, CancellationToken cancellationToken)
    {
        var extension = RecordingPermissions.ExtensionOf(user);
        var list = new List<EvaluationView>();
        if (extension is null)
        {
            return Results.Ok(list);
        }

        foreach (var evaluationId in await queries.EvaluationsOfAgentAsync(extension, cancellationToken))
        {
            if (await evaluations.GetAsync(evaluationId, cancellationToken) is { } evaluation)
            {
                list.Add(await DescribeAsync(evaluation, scorecards, queries, cancellationToken));
            }
        }

        return Results.Ok(list);
    }

    private static Task<IResult> AcknowledgeAsync(Guid id, HttpContext context, EvaluationStore evaluations, RecordingStore recordings, AuditLog audit, CancellationToken cancellationToken) =>
        ActAsOwnAgentAsync(id, context, evaluations, recordings, audit, "evaluation-acknowledged", null,
            () => evaluations.AcknowledgeAsync(id, cancellationToken), cancellationToken);

    private static Task<IResult> DisputeAsync(
        Guid id, DisputeRequest request, HttpContext context, EvaluationStore evaluations, RecordingStore recordings, AuditLog audit, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request?.Reason)
            ? Task.FromResult(Results.Problem("A dispute needs a reason.", statusCode: StatusCodes.Status400BadRequest))
            : ActAsOwnAgentAsync(id, context, evaluations, recordings, audit, "evaluation-disputed", request.Reason,
                () => evaluations.DisputeAsync(id, request.Reason, cancellationToken), cancellationToken);

    /// <summary>Only the agent whose call was evaluated may acknowledge or dispute; anyone else gets 403 (audited by the middleware).</summary>
    private static async Task<IResult> ActAsOwnAgentAsync(
        Guid id, HttpContext context, EvaluationStore evaluations, RecordingStore recordings, AuditLog audit, string action, string? reason,
        Func<Task> apply, CancellationToken cancellationToken)
    {
        var evaluation = await evaluations.GetAsync(id, cancellationToken);
        if (evaluation is null)
        {
            return Results.NotFound();
        }

        var recording = await recordings.GetAsync(evaluation.RecordingId, cancellationToken);
        var extension = RecordingPermissions.ExtensionOf(context.User);
        if (extension is null || recording?.AgentId != extension)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            await apply();
        }
        catch (EvaluationTransitionException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await audit.WriteAsync(RecordingPermissions.NameOf(context.User), action, id.ToString(), new { recordingId = evaluation.RecordingId, reason },
            context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return Results.Ok(EvaluationView.From((await evaluations.GetAsync(id, cancellationToken))!));
    }

    private static bool IsEvaluator(ClaimsPrincipal user, Evaluation evaluation) =>
        string.Equals(evaluation.EvaluatorId, RecordingPermissions.NameOf(user), StringComparison.OrdinalIgnoreCase) || user.IsInRole(Roles.Admin);

    private static async Task<EvaluationView> DescribeAsync(Evaluation evaluation, ScorecardStore scorecards, RecordingQueries queries, CancellationToken cancellationToken)
    {
        var form = await scorecards.GetAsync(evaluation.FormId, evaluation.FormVersion, cancellationToken);
        return EvaluationView.From(evaluation) with
        {
            Scorecard = form is null ? null : ScorecardDocument.From(form),
            Recording = await queries.GetAsync(evaluation.RecordingId, cancellationToken),
        };
    }
}
