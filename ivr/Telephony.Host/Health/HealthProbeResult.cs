namespace Telephony.Host.Health;

public sealed record HealthProbeResult(bool Healthy, string Detail);
