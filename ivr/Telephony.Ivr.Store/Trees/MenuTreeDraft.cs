using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Trees;

/// <summary>The tree being edited: valid (it was validated when saved) but not in force until published.</summary>
public sealed record MenuTreeDraft(MenuTree Tree, string SavedBy, DateTimeOffset SavedAt);
