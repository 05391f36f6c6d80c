using Telephony.Ivr.Interpreter.Events;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// Everything that happened to one call in the menu, in order, for the call record (<c>ivr_path</c> from
/// <see cref="NodeIds"/>, <c>ivr_exit_node</c> from <see cref="ExitNode"/>) and analytics (<see cref="Events"/>).
/// A resumed menu (survey after the agent) appends to the same path.
/// </summary>
public sealed record IvrCallPath(string TreeId, int TreeVersion, IReadOnlyList<IvrEvent> Events)
{
    /// <summary>Ids of the nodes entered, in order, repeats included.</summary>
    public IReadOnlyList<string> NodeIds => [.. Events.OfType<MenuNodeEntered>().Select(e => e.NodeId)];

    /// <summary>The node where the call last left the menu; null while it has not left.</summary>
    public string? ExitNode => Events.OfType<MenuExited>().LastOrDefault()?.NodeId;

    /// <summary>How the call last left the menu; null while it has not left.</summary>
    public IvrExit? Exit => Events.OfType<MenuExited>().LastOrDefault()?.Exit;

    /// <summary>Times the caller was asked again at a node, after silence or a key the node did not accept.</summary>
    public int Retries => Events.Count(e => e is MenuInputRejected or MenuInputTimedOut);
}
