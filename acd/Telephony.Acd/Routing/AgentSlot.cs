using Telephony.Acd.Agents;

namespace Telephony.Acd.Routing;

/// <summary>The engine's runtime record of one agent.</summary>
internal sealed class AgentSlot
{
    private byte[] _proficiency = [];

    public AgentSlot(Agent profile, AgentStateMachine machine, DateTimeOffset idleSince)
    {
        Profile = profile;
        Machine = machine;
        IdleSince = idleSince;
    }

    public Agent Profile { get; private set; }

    public string Id => Profile.Id;

    public AgentStateMachine Machine { get; }

    /// <summary>Sorted catalog ids of the agent's skills.</summary>
    public int[] SkillIds { get; private set; } = [];

    /// <summary>Per index (free, logged in): position in each skill bucket (same order as SkillIds), last = the all-agents list.</summary>
    public int[][] IndexPositions { get; } = new int[AgentIndex.Count][];

    /// <summary>Since when the agent has been free; the longest-idle agent among equals gets the call.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Caller reserved for or ringing with this agent.</summary>
    public WaitingCaller? OfferedCaller { get; set; }

    /// <summary>Pool of the connected or wrapping-up call, for its wrap-up time and handle-time average.</summary>
    public CallerPool? ActivePool { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public DateTimeOffset? BackoffUntil { get; set; }

    /// <summary>Bumped whenever the ring or wrap-up deadline is superseded.</summary>
    public int TimerVersion { get; set; }

    public int BackoffVersion { get; set; }

    public int Proficiency(int skillId) => skillId < _proficiency.Length ? _proficiency[skillId] : 0;

    /// <summary>Replaces the profile; the caller must take the agent out of every index first.</summary>
    public void SetProfile(Agent profile, SkillCatalog catalog)
    {
        Profile = profile;
        var ids = new int[profile.Skills.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = catalog.GetOrAdd(profile.Skills[i].Skill);
        }

        Array.Sort(ids);
        var proficiency = new byte[catalog.Count];
        foreach (var skill in profile.Skills)
        {
            proficiency[catalog.GetOrAdd(skill.Skill)] = (byte)skill.Level;
        }

        SkillIds = ids;
        _proficiency = proficiency;
        for (var index = 0; index < IndexPositions.Length; index++)
        {
            IndexPositions[index] = new int[ids.Length + 1];
            Array.Fill(IndexPositions[index], -1);
        }
    }
}
