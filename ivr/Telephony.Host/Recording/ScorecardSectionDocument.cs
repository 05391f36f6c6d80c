namespace Telephony.Host.Recording;

/// <summary>A titled group of criteria, as the API shows and takes it.</summary>
public sealed record ScorecardSectionDocument(string Title, IReadOnlyList<ScorecardCriterionDocument> Criteria);
