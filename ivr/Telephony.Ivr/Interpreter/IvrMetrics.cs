using System.Diagnostics.Metrics;
using Telephony.Ivr.Interpreter.Events;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// Menu instruments on the "Telephony.Ivr" meter, fed by the host with each <see cref="IvrOutcome"/> (the interpreter
/// itself has no side effects beyond the call). The host exports them, e.g. to Prometheus as telephony_ivr_exits_total.
/// </summary>
public sealed class IvrMetrics : IDisposable
{
    public const string MeterName = "Telephony.Ivr";

    private readonly Meter _meter;
    private readonly Counter<long> _exits;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _transfersRefused;
    private readonly Counter<long> _hoursChecks;
    private readonly Histogram<double> _timeInMenu;

    public IvrMetrics()
    {
        _meter = new Meter(MeterName);
        _exits = _meter.CreateCounter<long>("exits", description: "Calls leaving the menu, by how (exit) and what for (disposition).");
        _retries = _meter.CreateCounter<long>("retries", description: "Questions asked again after silence or a key the node does not accept.");
        _transfersRefused = _meter.CreateCounter<long>("transfers.refused", description: "Transfers to numbers on no allowlist; nothing was dialled.");
        _hoursChecks = _meter.CreateCounter<long>("hours.checks", description: "Hours branches taken, by open, closed or holiday.");
        _timeInMenu = _meter.CreateHistogram<double>("time_in_menu", "s", "Time from entering the menu (or resuming it) to leaving it.");
    }

    /// <summary>Counts what happened since the menu last started or resumed: call it once per RunAsync and once per resume.</summary>
    public void Record(IvrOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var events = outcome.Path.Events;
        var start = events.Count - 1;
        while (start > 0 && events[start - 1] is not MenuExited)
        {
            start--;
        }

        for (var i = start; i < events.Count; i++)
        {
            switch (events[i])
            {
                case MenuInputRejected:
                    _retries.Add(1, new KeyValuePair<string, object?>("reason", "invalid"));
                    break;
                case MenuInputTimedOut:
                    _retries.Add(1, new KeyValuePair<string, object?>("reason", "timeout"));
                    break;
                case TransferRefused:
                    _transfersRefused.Add(1);
                    break;
                case HoursEvaluated hours:
                    _hoursChecks.Add(1, new KeyValuePair<string, object?>("state", hours.State.ToString()));
                    break;
            }
        }

        _exits.Add(1, new("exit", outcome.Exit.ToString()), new("disposition", outcome.Disposition.ToString()));
        if (start < events.Count)
        {
            _timeInMenu.Record((events[^1].At - events[start].At).TotalSeconds);
        }
    }

    public void Dispose() => _meter.Dispose();
}
