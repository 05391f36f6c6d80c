using Telephony.Ivr.Validation;

namespace Telephony.Host.Ivr;

/// <summary>The IVR API's refusals as RFC 9457 problem details.</summary>
internal static class IvrProblems
{
    /// <summary>422 with every fault in <c>faults: [{kind, nodeId, language, message}]</c>; nothing was saved.</summary>
    public static IResult Faults(IReadOnlyList<ValidationFault> faults) => Results.Problem(
        detail: $"The menu tree has {faults.Count} fault(s); nothing was saved.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The menu tree is not valid",
        extensions: new Dictionary<string, object?> { ["faults"] = faults.Select(FaultResponse.From).ToList() });

    public static IResult BadDocument(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The document could not be read");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult PromptsFailed(string detail) => Results.Problem(
        detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Prompts could not be rendered; nothing was published");
}
