namespace Telephony.Recording.Scoring;

/// <summary>An attempt to change a published scorecard version; save a new draft version instead.</summary>
public sealed class ScorecardPublishedException : InvalidOperationException
{
    public ScorecardPublishedException()
    {
    }

    public ScorecardPublishedException(string message)
        : base(message)
    {
    }

    public ScorecardPublishedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
