using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;
using Telephony.Ivr.Serialization;
using Telephony.Ivr.Store.Trees;
using Telephony.Ivr.Validation;

namespace Telephony.Host.Ivr;

/// <summary>Menu trees: the draft, validation, publishing, versions, diff and rollback. Every change is audited.</summary>
internal static class IvrTreeEndpoints
{
    public static void Map(RouteGroupBuilder ivr)
    {
        ivr.MapGet("/trees", async (MenuTreeStore store, CancellationToken cancellationToken) => Results.Ok(await store.ListTreeIdsAsync(cancellationToken)))
            .WithSummary("Ids of the menu trees.");
        ivr.MapGet("/trees/{id}/draft", GetDraftAsync).WithSummary("The tree's draft (a MenuTree JSON document), as last saved.");
        ivr.MapPut("/trees/{id}/draft", SaveDraftAsync)
            .WithSummary("Replaces the draft with the posted MenuTree document if it is valid; 422 with the faults otherwise, saving nothing.");
        ivr.MapPost("/validate", ValidateAsync)
            .WithSummary("Validates a posted MenuTree document against the current queues, skills and holiday calendars; saves nothing.");
        ivr.MapPost("/trees/{id}/publish", PublishAsync)
            .WithSummary("Validates the draft, renders its prompts and publishes it as the next version, in force for new calls; 422 with the faults if invalid.");
        ivr.MapGet("/trees/{id}/versions", async (string id, MenuTreeStore store, CancellationToken cancellationToken) =>
                Results.Ok(await store.ListVersionsAsync(id, cancellationToken)))
            .WithSummary("Published versions, newest first, with who published each and which one is in force.");
        ivr.MapGet("/trees/{id}/versions/{version:int}", async (string id, int version, MenuTreeStore store, CancellationToken cancellationToken) =>
                await store.GetVersionAsync(id, version, cancellationToken) is { } tree
                    ? Results.Text(IvrJson.Write(tree), "application/json")
                    : IvrProblems.NotFound($"Tree '{id}' has no version {version}."))
            .WithSummary("The MenuTree document of one published version.");
        ivr.MapGet("/trees/{id}/published", async (string id, MenuTreeStore store, CancellationToken cancellationToken) =>
                await store.GetPublishedAsync(id, cancellationToken) is { } published
                    ? Results.Text(IvrJson.Write(published.Tree), "application/json")
                    : IvrProblems.NotFound($"Tree '{id}' has no version in force."))
            .WithSummary("The MenuTree document of the version in force.");
        ivr.MapGet("/trees/{id}/diff", async (string id, int from, int to, MenuTreeStore store, CancellationToken cancellationToken) =>
                await store.DiffAsync(id, from, to, cancellationToken) is { } diff
                    ? Results.Ok(diff)
                    : IvrProblems.NotFound($"Tree '{id}' lacks version {from} or {to}."))
            .WithSummary("Structural diff of two versions: settings changed, nodes added and removed, and the changed fields of the others.");
        ivr.MapPost("/trees/{id}/rollback", RollbackAsync)
            .WithSummary("Publishes an earlier version's document as a new version in force (and as the draft); 422 if it no longer validates.");
    }

    private static async Task<IResult> GetDraftAsync(string id, MenuTreeStore store, CancellationToken cancellationToken) =>
        await store.GetDraftAsync(id, cancellationToken) is { } draft
            ? Results.Text(IvrJson.Write(draft.Tree), "application/json")
            : IvrProblems.NotFound($"Tree '{id}' has no draft.");

    private static async Task<IResult> SaveDraftAsync(
        string id, HttpContext context, ClaimsPrincipal user, MenuTreeStore store, IvrValidationContextSource validation, AuditLog audit, CancellationToken cancellationToken)
    {
        var (tree, problem) = await ReadTreeAsync(context.Request, cancellationToken);
        if (tree is null)
        {
            return problem!;
        }

        if (tree.Id != id)
        {
            return IvrProblems.BadDocument($"The document's id '{tree.Id}' is not the tree '{id}' of the address.");
        }

        var result = await store.SaveDraftAsync(tree, IvrRequest.Actor(user), await validation.GetAsync(cancellationToken), cancellationToken);
        if (result.Outcome == TreeChangeOutcome.Invalid)
        {
            return IvrProblems.Faults(result.Faults);
        }

        await audit.WriteAsync(IvrRequest.Actor(user), "ivr-draft-saved", id, new { nodes = tree.Nodes.Count }, IvrRequest.SourceIp(context), cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, IvrValidationContextSource validation, CancellationToken cancellationToken)
    {
        var (tree, problem) = await ReadTreeAsync(context.Request, cancellationToken);
        if (tree is null)
        {
            return problem!;
        }

        var faults = new MenuTreeValidator(await validation.GetAsync(cancellationToken)).Validate(tree);
        return Results.Ok(new { valid = faults.Count == 0, faults = faults.Select(FaultResponse.From) });
    }

    private static async Task<IResult> PublishAsync(
        string id, HttpContext context, ClaimsPrincipal user, MenuTreeStore store, IvrValidationContextSource validation,
        IvrPromptService prompts, AuditLog audit, CancellationToken cancellationToken)
    {
        TreeChangeResult result;
        try
        {
            result = await store.PublishAsync(id, IvrRequest.Actor(user), await validation.GetAsync(cancellationToken), prompts.RenderTreeAsync, cancellationToken);
        }
        catch (PromptException ex)
        {
            return IvrProblems.PromptsFailed(ex.Message);
        }

        return await ChangedAsync(result, id, "ivr-published", null, context, user, audit, cancellationToken);
    }

    private static async Task<IResult> RollbackAsync(
        string id, RollbackRequest request, HttpContext context, ClaimsPrincipal user, MenuTreeStore store,
        IvrValidationContextSource validation, IvrPromptService prompts, AuditLog audit, CancellationToken cancellationToken)
    {
        TreeChangeResult result;
        try
        {
            result = await store.RollbackAsync(id, request.Version, IvrRequest.Actor(user), await validation.GetAsync(cancellationToken), prompts.RenderTreeAsync, cancellationToken);
        }
        catch (PromptException ex)
        {
            return IvrProblems.PromptsFailed(ex.Message);
        }

        return await ChangedAsync(result, id, "ivr-rolled-back", request.Version, context, user, audit, cancellationToken);
    }

    private static async Task<IResult> ChangedAsync(
        TreeChangeResult result, string id, string action, int? fromVersion, HttpContext context, ClaimsPrincipal user, AuditLog audit, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case TreeChangeOutcome.Invalid:
                return IvrProblems.Faults(result.Faults);
            case TreeChangeOutcome.NotFound:
                return IvrProblems.NotFound(fromVersion is null ? $"Tree '{id}' has no draft." : $"Tree '{id}' has no version {fromVersion}.");
            default:
                await audit.WriteAsync(IvrRequest.Actor(user), action, id, new { version = result.Version, from = fromVersion }, IvrRequest.SourceIp(context), cancellationToken);
                return Results.Ok(new { version = result.Version });
        }
    }

    private static async Task<(MenuTree? Tree, IResult? Problem)> ReadTreeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var json = await IvrRequest.ReadBodyAsync(request, cancellationToken);
        if (json is null)
        {
            return (null, IvrProblems.BadDocument($"The document is larger than {IvrRequest.MaxDocumentBytes} bytes."));
        }

        try
        {
            return (IvrJson.ReadMenuTree(json), null);
        }
        catch (IvrDocumentException ex)
        {
            return (null, IvrProblems.BadDocument(ex.Message));
        }
    }
}
