namespace Telephony.Recording.Scoring;

/// <summary>The content of one scorecard version: its sections and their criteria.</summary>
public sealed record ScorecardDefinition(IReadOnlyList<ScorecardSection> Sections)
{
    public IEnumerable<ScorecardCriterion> Criteria => Sections.SelectMany(s => s.Criteria);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem: no criteria, duplicate ids, bad weights.</summary>
    public void Validate()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in Criteria)
        {
            if (string.IsNullOrWhiteSpace(criterion.Id) || !ids.Add(criterion.Id))
            {
                throw new ArgumentException($"Criterion id '{criterion.Id}' is empty or used twice.", nameof(Sections));
            }

            if (!(criterion.Weight > 0) || double.IsInfinity(criterion.Weight))
            {
                throw new ArgumentException($"Criterion '{criterion.Id}' needs a positive weight.", nameof(Sections));
            }

            if (!Enum.IsDefined(criterion.AnswerType))
            {
                throw new ArgumentException($"Criterion '{criterion.Id}' has an unknown answer type.", nameof(Sections));
            }
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("A scorecard needs at least one criterion.", nameof(Sections));
        }
    }
}
