namespace Telephony.Recording.Scoring;

/// <summary>One version of a scorecard form; once <see cref="PublishedAt"/> is set it never changes.</summary>
public sealed record ScorecardVersion(string FormId, int Version, string Name, ScorecardDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
{
    public bool IsPublished => PublishedAt is not null;
}
