using System.Security.Claims;
using Telephony.Host.Audit;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;
using Telephony.Ivr.Store.Prompts;
using Telephony.Ivr.Store.Trees;

namespace Telephony.Host.Ivr;

/// <summary>Prompt recordings: upload (overrides the text for a node and language) and listening for the play button.</summary>
internal static class IvrPromptEndpoints
{
    public static void Map(RouteGroupBuilder ivr)
    {
        ivr.MapPost("/prompts/{treeId}/{nodeId}/{lang}", UploadAsync)
            .WithSummary("Uploads a recording (body: the WAV or MP3 file; ?name=file.mp3 or Content-Type audio/mpeg|audio/wav) for a node's prompt in one language. " +
                "It is converted to 8 kHz mono, stored, and set as the prompt's audio in the draft when the draft has the node.");
        ivr.MapGet("/prompts/{treeId}/{nodeId}/{lang}/audio", ListenAsync)
            .WithSummary("The prompt as the caller hears it, as PCM WAV for the browser: the draft's recording or spoken text; ?text= speaks unsaved text and ?audio=uploads/….wav plays a recording instead.");
    }

    private static async Task<IResult> UploadAsync(
        string treeId, string nodeId, string lang, string? name, HttpContext context, ClaimsPrincipal user,
        IvrPromptService prompts, MenuTreeStore trees, IvrValidationContextSource validation, AuditLog audit, CancellationToken cancellationToken)
    {
        if (ParseLanguage(lang) is not { } language)
        {
            return IvrProblems.NotFound($"'{lang}' is not a language of the hotline (az, ru, en).");
        }

        if (context.Request.ContentLength > IvrPromptService.MaxUploadBytes)
        {
            return Results.Problem($"Recordings are limited to {IvrPromptService.MaxUploadBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var fileName = name ?? (context.Request.ContentType?.Split(';')[0].Trim() switch
        {
            "audio/mpeg" or "audio/mp3" => "upload.mp3",
            "audio/wav" or "audio/x-wav" or "audio/wave" or "audio/vnd.wave" => "upload.wav",
            _ => "upload",
        });

        PromptUpload upload;
        try
        {
            upload = await prompts.UploadAsync(treeId, nodeId, language, context.Request.Body, fileName, IvrRequest.Actor(user), cancellationToken);
        }
        catch (PromptException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The recording could not be used");
        }

        var inDraft = await SetInDraftAsync(trees, validation, treeId, nodeId, language, upload.Reference, IvrRequest.Actor(user), cancellationToken);
        await audit.WriteAsync(IvrRequest.Actor(user), "ivr-prompt-uploaded", $"{treeId}/{nodeId}/{language.Code()}",
            new { upload.Sha256, upload.OriginalName, upload.DurationMilliseconds, inDraft }, IvrRequest.SourceIp(context), cancellationToken);
        return Results.Ok(new { audio = upload.Reference, durationMs = upload.DurationMilliseconds, inDraft });
    }

    private static async Task<IResult> ListenAsync(
        string treeId, string nodeId, string lang, string? text, string? audio, IvrPromptService prompts, MenuTreeStore trees, CancellationToken cancellationToken)
    {
        if (ParseLanguage(lang) is not { } language)
        {
            return IvrProblems.NotFound($"'{lang}' is not a language of the hotline (az, ru, en).");
        }

        // The page plays what it is editing: an uploaded recording by reference, or unsaved text; otherwise the saved draft.
        PromptContent? content = PromptUpload.Sha256Of(audio) is not null ? new PromptContent { Audio = audio, Text = text }
            : string.IsNullOrWhiteSpace(text) ? null : new PromptContent { Text = text };
        if (content is null)
        {
            var draft = await trees.GetDraftAsync(treeId, cancellationToken);
            if (draft is null || !draft.Tree.Nodes.TryGetValue(nodeId, out var node) || !node.Prompt.TryGetValue(language, out content))
            {
                return IvrProblems.NotFound($"The draft of '{treeId}' has no prompt for node '{nodeId}' in {language.Code()}.");
            }
        }

        try
        {
            var sound = await prompts.PreviewAsync(nodeId, content, language, cancellationToken);
            return sound is null
                ? IvrProblems.NotFound($"Node '{nodeId}' has no text or recording in {language.Code()}.")
                : Results.File(sound.ToWav(), "audio/wav", $"{nodeId}-{language.Code()}.wav");
        }
        catch (PromptException ex)
        {
            return IvrProblems.PromptsFailed(ex.Message);
        }
    }

    /// <summary>Points the draft's prompt at the new recording, when the saved draft has that node; the page does the same in its copy.</summary>
    private static async Task<bool> SetInDraftAsync(
        MenuTreeStore trees, IvrValidationContextSource validation, string treeId, string nodeId, Language language, string reference, string actor, CancellationToken cancellationToken)
    {
        var draft = await trees.GetDraftAsync(treeId, cancellationToken);
        if (draft is null || !draft.Tree.Nodes.TryGetValue(nodeId, out var node))
        {
            return false;
        }

        var prompt = new Dictionary<Language, PromptContent>(node.Prompt);
        prompt[language] = (prompt.GetValueOrDefault(language) ?? new PromptContent()) with { Audio = reference };
        var nodes = new Dictionary<string, IvrNode>(draft.Tree.Nodes) { [nodeId] = node with { Prompt = prompt } };
        var result = await trees.SaveDraftAsync(draft.Tree with { Nodes = nodes }, actor, await validation.GetAsync(cancellationToken), cancellationToken);
        return result.Outcome == TreeChangeOutcome.Done;
    }

    private static Language? ParseLanguage(string code) => code switch
    {
        "az" => Language.Az,
        "ru" => Language.Ru,
        "en" => Language.En,
        _ => null,
    };
}
