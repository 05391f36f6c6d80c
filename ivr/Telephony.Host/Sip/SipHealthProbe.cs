using System.Globalization;
using Telephony.Host.Health;

namespace Telephony.Host.Sip;

/// <summary>Healthy when every SIP transport (UDP and TCP on each address) listens.</summary>
internal sealed class SipHealthProbe(SipService sip) : IHealthProbe
{
    public string Name => "sip";

    public Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (sip.StartFailure is { } failure)
        {
            return Task.FromResult(new HealthProbeResult(false, failure));
        }

        var transports = sip.Health;
        var detail = string.Join(", ", transports.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Kind} {t.LocalEndPoint} {(t.IsListening ? "listening" : "NOT listening")}")));
        return Task.FromResult(new HealthProbeResult(transports.Count > 0 && transports.All(t => t.IsListening), detail));
    }
}
