namespace Telephony.Host.Recording;

/// <summary>A scorecard form: its newest version and the newest one published (the one evaluations use).</summary>
public sealed class ScorecardSummary
{
    public string FormId { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public int LatestVersion { get; init; }

    public int? PublishedVersion { get; init; }
}
