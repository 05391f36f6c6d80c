namespace Telephony.Host.Wallboard;

/// <summary>One agent's tile: extension, state word (as in <see cref="WallboardView.AgentsByState"/>) and break reason.</summary>
public sealed record WallboardAgent(string Extension, string State, string? BreakReason);
