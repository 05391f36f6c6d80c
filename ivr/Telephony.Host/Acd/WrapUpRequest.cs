namespace Telephony.Host.Acd;

/// <summary>Body of POST /api/agents/{extension}/wrap-up: the call, a disposition code from <see cref="Dispositions"/>, optional topic and notes.</summary>
public sealed record WrapUpRequest(string CallId, string Disposition, string? Topic, string? Notes);
