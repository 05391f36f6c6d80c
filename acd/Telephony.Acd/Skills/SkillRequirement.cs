namespace Telephony.Acd.Skills;

/// <summary>A skill a caller or queue needs, and the lowest proficiency that satisfies it.</summary>
public readonly record struct SkillRequirement
{
    public SkillRequirement(string skill, int minimumProficiency = Proficiency.Min)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skill);
        Proficiency.Validate(minimumProficiency, nameof(minimumProficiency));
        Skill = skill;
        MinimumProficiency = minimumProficiency;
    }

    public string Skill { get; }

    public int MinimumProficiency { get; }

    public bool IsLanguage => SkillNames.IsLanguage(Skill);
}
