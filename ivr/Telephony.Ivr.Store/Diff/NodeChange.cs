namespace Telephony.Ivr.Store.Diff;

/// <summary>A node present in both versions whose fields differ.</summary>
public sealed record NodeChange(string NodeId, IReadOnlyList<FieldChange> Fields);
