using System.Text.Json;
using System.Text.Json.Nodes;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Store.Diff;

/// <summary>
/// Compares two trees through their JSON documents, so every field the model has (now or later) takes part without
/// a hand-written comparison that would miss new ones. Fields are compared whole: a changed prompt shows as "prompt".
/// </summary>
public static class MenuTreeDiffer
{
    /// <summary>Fields that differ between any two versions by construction and say nothing about the tree.</summary>
    private static readonly HashSet<string> IgnoredSettings = new(StringComparer.Ordinal) { "version", "nodes", "$schema" };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static MenuTreeDiff Compare(MenuTree from, MenuTree to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = Document(from);
        var after = Document(to);
        var beforeNodes = before["nodes"]!.AsObject();
        var afterNodes = after["nodes"]!.AsObject();

        var changed = new List<NodeChange>();
        foreach (var (id, node) in beforeNodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            if (afterNodes.TryGetPropertyValue(id, out var other))
            {
                var fields = Fields(node!.AsObject(), other!.AsObject(), static _ => false);
                if (fields.Count > 0)
                {
                    changed.Add(new NodeChange(id, fields));
                }
            }
        }

        return new MenuTreeDiff
        {
            FromVersion = from.Version,
            ToVersion = to.Version,
            Settings = Fields(before, after, IgnoredSettings.Contains),
            AddedNodes = [.. afterNodes.Select(n => n.Key).Where(id => !beforeNodes.ContainsKey(id)).Order(StringComparer.Ordinal)],
            RemovedNodes = [.. beforeNodes.Select(n => n.Key).Where(id => !afterNodes.ContainsKey(id)).Order(StringComparer.Ordinal)],
            ChangedNodes = changed,
        };
    }

    private static JsonObject Document(MenuTree tree) => JsonNode.Parse(IvrJson.Write(tree))!.AsObject();

    private static List<FieldChange> Fields(JsonObject before, JsonObject after, Func<string, bool> ignored)
    {
        var names = before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal).Where(n => !ignored(n)).Order(StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            before.TryGetPropertyValue(name, out var left);
            after.TryGetPropertyValue(name, out var right);
            if (!JsonNode.DeepEquals(left, right))
            {
                changes.Add(new FieldChange(name, left?.ToJsonString(Compact), right?.ToJsonString(Compact)));
            }
        }

        return changes;
    }
}
