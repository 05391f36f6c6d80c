using Telephony.Acd.Skills;

namespace Telephony.Acd.Agents;

/// <summary>An agent's profile: who they are, which phone rings, what they can handle.</summary>
public sealed record Agent
{
    public Agent(string id, string extension, string name, IReadOnlyList<AgentSkill> skills)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(skills);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            if (!seen.Add(skill.Skill))
            {
                throw new ArgumentException($"Skill '{skill.Skill}' is listed twice for agent '{id}'.", nameof(skills));
            }
        }

        Id = id;
        Extension = extension;
        Name = name;
        Skills = skills;
    }

    public string Id { get; }

    /// <summary>The SIP extension the host rings when a call is offered.</summary>
    public string Extension { get; }

    public string Name { get; }

    public IReadOnlyList<AgentSkill> Skills { get; }
}
