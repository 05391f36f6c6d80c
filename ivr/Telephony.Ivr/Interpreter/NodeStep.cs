namespace Telephony.Ivr.Interpreter;

/// <summary>What a node decided: the next node, or how the call leaves the menu.</summary>
internal readonly record struct NodeStep(string? Next, IvrExit? Exit)
{
    public static NodeStep Go(string next) => new(next, null);

    public static NodeStep End(IvrExit exit) => new(null, exit);
}
