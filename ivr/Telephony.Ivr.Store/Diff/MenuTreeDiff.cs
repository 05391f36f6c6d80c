namespace Telephony.Ivr.Store.Diff;

/// <summary>
/// A structural difference between two trees: tree settings that changed (languages, start, schedules…),
/// nodes added and removed by id, and, for nodes in both, the fields that changed.
/// </summary>
public sealed record MenuTreeDiff
{
    public required int FromVersion { get; init; }

    public required int ToVersion { get; init; }

    public required IReadOnlyList<FieldChange> Settings { get; init; }

    public required IReadOnlyList<string> AddedNodes { get; init; }

    public required IReadOnlyList<string> RemovedNodes { get; init; }

    public required IReadOnlyList<NodeChange> ChangedNodes { get; init; }

    public bool IsEmpty => Settings.Count == 0 && AddedNodes.Count == 0 && RemovedNodes.Count == 0 && ChangedNodes.Count == 0;
}
