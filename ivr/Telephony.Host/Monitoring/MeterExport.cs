using Prometheus;

namespace Telephony.Host.Monitoring;

/// <summary>
/// Exports every System.Diagnostics.Metrics instrument of the process on /metrics from the moment the host is composed.
/// prometheus-net's own default listener only starts at the first scrape, so counts and histograms recorded before
/// Prometheus first scraped a host (a call in the first seconds, the night's report job) were lost; this one replaces it.
/// </summary>
internal sealed class MeterExport : IDisposable
{
    private readonly IDisposable _listener;

    private MeterExport(IDisposable listener) => _listener = listener;

    public static MeterExport Start()
    {
        // Keep the default process, debug and event-counter series; only the late meter listener is replaced.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        return new MeterExport(MeterAdapter.StartListening(new MeterAdapterOptions()));
    }

    public void Dispose() => _listener.Dispose();
}
