namespace Telephony.Recording.Scoring;

/// <summary>The kind of one answer.</summary>
public enum AnswerKind
{
    Yes,
    No,
    NotApplicable,
    Scale,
}
