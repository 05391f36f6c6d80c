namespace Telephony.Acd.Routing;

/// <summary>
/// Agents grouped by skill with O(1) add and remove (swap with the last element). Matching scans only the
/// bucket of the rarest required skill instead of every agent.
/// </summary>
internal sealed class AgentIndex(int slot)
{
    public const int Count = 2;
    public const int FreeSlot = 0;
    public const int LoggedInSlot = 1;

    private readonly int _slot = slot;
    private readonly List<List<AgentSlot>> _bySkill = [];
    private readonly List<AgentSlot> _all = [];

    public IReadOnlyList<AgentSlot> All => _all;

    public bool Contains(AgentSlot agent) => agent.IndexPositions[_slot][^1] >= 0;

    public IReadOnlyList<AgentSlot> WithSkill(int skillId) => skillId < _bySkill.Count ? _bySkill[skillId] : [];

    /// <summary>The smallest bucket among the requirements, or every member when there are none.</summary>
    public IReadOnlyList<AgentSlot> Candidates(ResolvedRequirement[] requirements)
    {
        if (requirements.Length == 0)
        {
            return _all;
        }

        var smallest = WithSkill(requirements[0].SkillId);
        for (var i = 1; i < requirements.Length && smallest.Count > 0; i++)
        {
            var bucket = WithSkill(requirements[i].SkillId);
            if (bucket.Count < smallest.Count)
            {
                smallest = bucket;
            }
        }

        return smallest;
    }

    public void Add(AgentSlot agent)
    {
        var positions = agent.IndexPositions[_slot];
        var skills = agent.SkillIds;
        for (var i = 0; i < skills.Length; i++)
        {
            var bucket = Bucket(skills[i]);
            positions[i] = bucket.Count;
            bucket.Add(agent);
        }

        positions[^1] = _all.Count;
        _all.Add(agent);
    }

    public void Remove(AgentSlot agent)
    {
        var positions = agent.IndexPositions[_slot];
        var skills = agent.SkillIds;
        for (var i = 0; i < skills.Length; i++)
        {
            var bucket = _bySkill[skills[i]];
            var moved = RemoveAt(bucket, positions[i]);
            if (moved is not null)
            {
                moved.IndexPositions[_slot][Array.BinarySearch(moved.SkillIds, skills[i])] = positions[i];
            }

            positions[i] = -1;
        }

        var movedInAll = RemoveAt(_all, positions[^1]);
        if (movedInAll is not null)
        {
            movedInAll.IndexPositions[_slot][^1] = positions[^1];
        }

        positions[^1] = -1;
    }

    /// <summary>Removes by swapping in the last element; returns that element when it moved.</summary>
    private static AgentSlot? RemoveAt(List<AgentSlot> list, int position)
    {
        var last = list.Count - 1;
        AgentSlot? moved = null;
        if (position != last)
        {
            moved = list[last];
            list[position] = moved;
        }

        list.RemoveAt(last);
        return moved;
    }

    private List<AgentSlot> Bucket(int skillId)
    {
        while (_bySkill.Count <= skillId)
        {
            _bySkill.Add([]);
        }

        return _bySkill[skillId];
    }
}
