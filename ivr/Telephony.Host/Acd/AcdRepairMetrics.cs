using System.Diagnostics.Metrics;

namespace Telephony.Host.Acd;

/// <summary>The watchdog's repairs (exported as telephony_acd_repairs_total).</summary>
public sealed class AcdRepairMetrics : IDisposable
{
    public const string MeterName = "Telephony.Host.Acd";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _repairs;

    public AcdRepairMetrics()
    {
        _repairs = _meter.CreateCounter<long>("telephony.acd.repairs", description: "Agents or callers the watchdog released because no live call backed them.");
    }

    public void Add(int repairs)
    {
        if (repairs > 0)
        {
            _repairs.Add(repairs);
        }
    }

    public void Dispose() => _meter.Dispose();
}
