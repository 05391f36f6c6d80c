namespace Telephony.Recording.Evaluations;

/// <summary>The evaluation state machine: which action leads where; anything else is an <see cref="EvaluationTransitionException"/>.</summary>
public static class EvaluationWorkflow
{
    public static EvaluationStatus Next(EvaluationStatus from, EvaluationAction action) => (from, action) switch
    {
        (EvaluationStatus.Draft, EvaluationAction.Submit) => EvaluationStatus.Submitted,
        (EvaluationStatus.Submitted, EvaluationAction.Acknowledge) => EvaluationStatus.Acknowledged,
        (EvaluationStatus.Submitted, EvaluationAction.Dispute) => EvaluationStatus.Disputed,
        (EvaluationStatus.Disputed, EvaluationAction.Resolve) => EvaluationStatus.Resolved,
        _ => throw new EvaluationTransitionException(from, action),
    };

    internal static string Text(EvaluationStatus status) => status.ToString().ToLowerInvariant();

    internal static EvaluationStatus Parse(string text) => Enum.Parse<EvaluationStatus>(text, ignoreCase: true);
}
