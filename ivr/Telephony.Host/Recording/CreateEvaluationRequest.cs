namespace Telephony.Host.Recording;

/// <summary>Starting an evaluation: the form (default: the only or the demo form) and its version (default: newest published).</summary>
public sealed record CreateEvaluationRequest(string? FormId, int? Version);
