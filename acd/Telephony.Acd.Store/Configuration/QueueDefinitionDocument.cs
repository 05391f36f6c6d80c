namespace Telephony.Acd.Store.Configuration;

/// <summary>
/// The stored shape of a queue's settings (acd_queues.definition): durations in seconds, enums as camelCase names.
/// Kept apart from <see cref="Queues.AcdQueue"/> so the routing core can change without breaking stored rows.
/// </summary>
internal sealed record QueueDefinitionDocument
{
    public IReadOnlyList<SkillRequirementDocument> RequiredSkills { get; init; } = [];

    public int Priority { get; init; }

    public required ServiceLevelDocument ServiceLevel { get; init; }

    public double? MaxWaitSeconds { get; init; }

    public int? MaxLength { get; init; }

    public OverflowDocument? Overflow { get; init; }

    public required string WhenNoAgents { get; init; }

    public IReadOnlyList<RelaxationStepDocument> RelaxationSteps { get; init; } = [];

    public double RingTimeoutSeconds { get; init; }

    public double WrapUpSeconds { get; init; }

    public int NoAnswerLimit { get; init; }

    public double InitialHandleTimeSeconds { get; init; }
}
