namespace Telephony.Host.Acd.Live;

/// <summary>One agent on the wallboard.</summary>
public sealed record AgentLive(string Extension, AgentLiveState State, string? BreakReason);
