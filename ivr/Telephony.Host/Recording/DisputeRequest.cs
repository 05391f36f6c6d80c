namespace Telephony.Host.Recording;

/// <summary>The agent's reason for disputing an evaluation.</summary>
public sealed record DisputeRequest(string? Reason);
