namespace Telephony.Ivr.Store.Trees;

/// <summary>How a change to a tree ended.</summary>
public enum TreeChangeOutcome
{
    /// <summary>The draft was saved, or a new version was published and is in force.</summary>
    Done,

    /// <summary>The tree has faults; nothing was saved.</summary>
    Invalid,

    /// <summary>No such tree, draft or version; nothing was saved.</summary>
    NotFound,
}
