namespace Telephony.Acd.Skills;

/// <summary>A skill an agent has, with a proficiency from <see cref="Proficiency.Min"/> to <see cref="Proficiency.Max"/>.</summary>
public readonly record struct AgentSkill
{
    public AgentSkill(string skill, int proficiency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skill);
        Proficiency.Validate(proficiency, nameof(proficiency));
        Skill = skill;
        Level = proficiency;
    }

    /// <summary>Skill name such as "lang:ru" or "topic:transfers".</summary>
    public string Skill { get; }

    public int Level { get; }
}
