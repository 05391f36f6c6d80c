namespace Telephony.Recording.Evaluations;

/// <summary>A transition the evaluation's current status does not allow.</summary>
public sealed class EvaluationTransitionException : InvalidOperationException
{
    public EvaluationTransitionException()
    {
    }

    public EvaluationTransitionException(string message)
        : base(message)
    {
    }

    public EvaluationTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvaluationTransitionException(EvaluationStatus from, EvaluationAction action)
        : base($"An evaluation in status {from} cannot {action}.")
    {
        From = from;
        Action = action;
    }

    public EvaluationStatus From { get; }

    public EvaluationAction Action { get; }
}
