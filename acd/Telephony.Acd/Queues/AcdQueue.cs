using Telephony.Acd.Skills;

namespace Telephony.Acd.Queues;

/// <summary>A queue's definition. Validate with <see cref="Validate"/>; the engine does so when the queue is added.</summary>
public sealed record AcdQueue
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Skills every caller of this queue needs, merged with the caller's own (language, topic).</summary>
    public IReadOnlyList<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>Higher is served first when an agent who could take callers of several queues becomes free.</summary>
    public int Priority { get; init; }

    public ServiceLevelTarget ServiceLevel { get; init; } = ServiceLevelTarget.Default;

    /// <summary>Longest a caller waits before overflowing; null waits forever.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>Most callers in the queue (waiting or being offered); null is unbounded.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Needed whenever MaxWait, MaxLength or <see cref="NoAgentsBehavior.Overflow"/> can overflow a caller.</summary>
    public OverflowTarget? Overflow { get; init; }

    public NoAgentsBehavior WhenNoAgents { get; init; } = NoAgentsBehavior.Wait;

    public IReadOnlyList<SkillRelaxationStep> RelaxationSteps { get; init; } = [];

    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Offers in a row an agent may let ring out before being put on break with reason "no answer".</summary>
    public int NoAnswerLimit { get; init; } = 3;

    /// <summary>Handle time assumed for wait estimates until real calls have been measured.</summary>
    public TimeSpan InitialHandleTime { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Id), nameof(Id), "must not be empty");
        Require(Name is not null, nameof(Name), "must not be null");
        Require(RequiredSkills is not null, nameof(RequiredSkills), "must not be null");
        Require(RelaxationSteps is not null, nameof(RelaxationSteps), "must not be null");
        Require(ServiceLevel is not null, nameof(ServiceLevel), "must not be null");
        Require(MaxWait is null || MaxWait > TimeSpan.Zero, nameof(MaxWait), "must be positive");
        Require(MaxLength is null || MaxLength > 0, nameof(MaxLength), "must be positive");
        Require(RingTimeout > TimeSpan.Zero, nameof(RingTimeout), "must be positive");
        Require(WrapUp >= TimeSpan.Zero, nameof(WrapUp), "must not be negative");
        Require(NoAnswerLimit > 0, nameof(NoAnswerLimit), "must be positive");
        Require(InitialHandleTime > TimeSpan.Zero, nameof(InitialHandleTime), "must be positive");
        var canOverflow = MaxWait is not null || MaxLength is not null || WhenNoAgents == NoAgentsBehavior.Overflow;
        Require(!canOverflow || Overflow is not null, nameof(Overflow), "is required when MaxWait, MaxLength or WhenNoAgents=Overflow is set");
        Require(Overflow?.QueueId != Id, nameof(Overflow), "must not point back at the same queue");
        ValidateRequirements();
        ValidateSteps();
    }

    private void ValidateRequirements()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in RequiredSkills)
        {
            Require(requirement.Skill is not null, nameof(RequiredSkills), "contains an empty requirement");
            Require(seen.Add(requirement.Skill!), nameof(RequiredSkills), $"lists '{requirement.Skill}' twice");
        }
    }

    private void ValidateSteps()
    {
        var previousAfter = TimeSpan.Zero;
        int? previousCap = null;
        var languageOnly = false;
        foreach (var step in RelaxationSteps)
        {
            Require(step is not null, nameof(RelaxationSteps), "contains a null step");
            Require(step!.After > previousAfter, nameof(RelaxationSteps), "must have strictly increasing positive After values");
            Require(step.MaximumRequiredProficiency is null or (>= Proficiency.Min and <= Proficiency.Max), nameof(RelaxationSteps), "caps must be within the proficiency scale");
            var cap = step.MaximumRequiredProficiency ?? previousCap;
            Require(previousCap is null || cap <= previousCap, nameof(RelaxationSteps), "must not raise a proficiency cap");
            Require(!languageOnly || step.LanguageOnly, nameof(RelaxationSteps), "must keep LanguageOnly once a step sets it");
            previousAfter = step.After;
            previousCap = cap;
            languageOnly = step.LanguageOnly;
        }
    }

    private void Require(bool condition, string property, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Queue '{Id}': {property} {problem}.", property);
        }
    }
}
