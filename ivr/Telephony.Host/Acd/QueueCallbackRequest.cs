using Telephony.Ivr.Model;

namespace Telephony.Host.Acd;

/// <summary>
/// A waiting caller's request to be called back at <paramref name="Number"/> (already checked against the allowed
/// numbers) when their place comes up: at most <paramref name="Attempts"/> dials, <paramref name="RetryInterval"/> apart.
/// </summary>
public sealed record QueueCallbackRequest(string Number, Language Language, string? Topic, int Attempts, TimeSpan RetryInterval);
