namespace Telephony.Recording.Scoring;

/// <summary>How a criterion is answered.</summary>
public enum AnswerType
{
    /// <summary>Yes (full marks), no (none) or not applicable.</summary>
    YesNo,

    /// <summary>1 to 5, normalised to 0–1 as (value − 1) / 4; or not applicable.</summary>
    Scale,
}
