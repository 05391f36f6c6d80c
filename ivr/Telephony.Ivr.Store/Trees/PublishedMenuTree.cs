using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Trees;

/// <summary>
/// The version in force and its tree. A call takes one of these when it starts and keeps it to the end,
/// whatever is published meanwhile: the record and the tree are immutable.
/// </summary>
public sealed record PublishedMenuTree(int Version, MenuTree Tree);
