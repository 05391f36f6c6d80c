namespace Telephony.Acd.Routing;

/// <summary>Maps skill names to dense ids so agent proficiencies are array lookups on the routing path.</summary>
internal sealed class SkillCatalog
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public int GetOrAdd(string skill)
    {
        if (!_ids.TryGetValue(skill, out var id))
        {
            id = _ids.Count;
            _ids.Add(skill, id);
        }

        return id;
    }
}
