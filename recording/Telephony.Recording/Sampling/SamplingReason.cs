namespace Telephony.Recording.Sampling;

/// <summary>Why a recording was assigned (<c>evaluation_assignments.reason</c>).</summary>
public enum SamplingReason
{
    /// <summary>Picked at random, stratified by queue and language.</summary>
    Random,

    /// <summary>The citizen rated the call 1 or 2: always evaluated.</summary>
    LowSurvey,

    /// <summary>Scored by several evaluators to compare them.</summary>
    Calibration,
}
