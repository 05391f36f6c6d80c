namespace Telephony.Ivr.Model;

/// <summary>One outgoing edge of a node: what leads there ("option 1", "next", "closed") and the target node id.</summary>
public readonly record struct NodeLink(string Label, string Target);
