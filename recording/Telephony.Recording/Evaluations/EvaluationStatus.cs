namespace Telephony.Recording.Evaluations;

/// <summary>Where an evaluation is: draft → submitted → acknowledged by the agent, or disputed → resolved by a supervisor.</summary>
public enum EvaluationStatus
{
    Draft,
    Submitted,
    Acknowledged,
    Disputed,
    Resolved,
}
