namespace Telephony.Recording.Evaluations;

/// <summary>The named transitions of an evaluation.</summary>
public enum EvaluationAction
{
    /// <summary>The evaluator submits: the score is computed and frozen. From draft.</summary>
    Submit,

    /// <summary>The agent accepts the evaluation. From submitted.</summary>
    Acknowledge,

    /// <summary>The agent disputes it with a reason. From submitted.</summary>
    Dispute,

    /// <summary>A supervisor resolves the dispute with a written resolution. From disputed.</summary>
    Resolve,
}
