namespace Telephony.Host.Health;

/// <summary>One part of the server that /healthz asks: the database, each SIP transport.</summary>
public interface IHealthProbe
{
    string Name { get; }

    Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken);
}
