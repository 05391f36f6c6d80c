using System.Diagnostics.Metrics;

namespace Telephony.Reports.Diagnostics;

/// <summary>Reports instruments on the "Telephony.Reports" meter; the host exports them (telephony_reports_generated_total…).</summary>
public sealed class ReportsMetrics : IDisposable
{
    public const string MeterName = "Telephony.Reports";

    private readonly Meter _meter;
    private readonly Counter<long> _generated;
    private readonly Histogram<double> _duration;

    public ReportsMetrics()
    {
        _meter = new Meter(MeterName);
        _generated = _meter.CreateCounter<long>("telephony.reports.generated", description: "Reports generated and stored, by kind.");
        _duration = _meter.CreateHistogram<double>("telephony.reports.duration", "s", "Time to generate and store one report, by kind.");
    }

    public void ReportGenerated(string kind, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _generated.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
