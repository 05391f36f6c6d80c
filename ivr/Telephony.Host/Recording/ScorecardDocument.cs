using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>A scorecard version as the API shows it, and (form id, version and dates ignored) what a save takes.</summary>
public sealed record ScorecardDocument(string? FormId, int? Version, string Name, DateTimeOffset? PublishedAt, IReadOnlyList<ScorecardSectionDocument> Sections)
{
    public static ScorecardDocument From(ScorecardVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.FormId, version.Version, version.Name, version.PublishedAt,
            [.. version.Definition.Sections.Select(s => new ScorecardSectionDocument(s.Title, [.. s.Criteria.Select(ScorecardCriterionDocument.From)]))]);
    }

    /// <summary>The definition to store; throws <see cref="ArgumentException"/> naming the first problem.</summary>
    public ScorecardDefinition ToDefinition()
    {
        if (Sections is null)
        {
            throw new ArgumentException("A scorecard needs sections.", nameof(Sections));
        }

        var definition = new ScorecardDefinition(
            [.. Sections.Select(s => new ScorecardSection(s.Title ?? string.Empty, [.. (s.Criteria ?? []).Select(c => c.ToCriterion())]))]);
        definition.Validate();
        return definition;
    }
}
