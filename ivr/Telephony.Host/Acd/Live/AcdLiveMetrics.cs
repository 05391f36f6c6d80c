using System.Diagnostics.Metrics;
using Telephony.Acd.Diagnostics;

namespace Telephony.Host.Acd.Live;

/// <summary>
/// The ACD's live gauges on the "Telephony.Acd" meter, read from the dispatcher's published snapshot at each scrape
/// (exported as telephony_acd_queue_waiting, telephony_acd_agents{state}, …). Every queue and every state is reported
/// at every scrape, zero included, so no series keeps a stale value.
/// </summary>
public sealed class AcdLiveMetrics : IDisposable
{
    private readonly Meter _meter = new(AcdMetrics.MeterName);
    private readonly Func<AcdLiveSnapshot> _snapshot;
    private readonly TimeProvider _time;
    private readonly AcdLiveOptions _options;

    public AcdLiveMetrics(Func<AcdLiveSnapshot> snapshot, TimeProvider time, AcdLiveOptions options)
    {
        _snapshot = snapshot;
        _time = time;
        _options = options;
        _meter.CreateObservableGauge("queue.waiting", () => PerQueue((queue, _) => queue.Waiting), "{call}",
            "Callers waiting in the queue now, including those being offered to an agent.");
        _meter.CreateObservableGauge("queue.longest_wait", LongestWaits, "s", "How long the queue's oldest caller has waited so far.");
        _meter.CreateObservableGauge("queue.agents_available", () => PerQueue((queue, _) => queue.AgentsAvailable), "{agent}",
            "Idle, available agents with the queue's skills.");
        _meter.CreateObservableGauge("queue.agents_on_call", () => PerQueue((queue, _) => queue.AgentsOnCall), "{agent}",
            "Agents talking to callers of the queue.");
        _meter.CreateObservableGauge("queue.offered_today", () => PerQueue((_, today) => today.Offered), "{call}",
            "Callers that joined the queue today (local day).");
        _meter.CreateObservableGauge("queue.answered_today", () => PerQueue((_, today) => today.Answered), "{call}",
            "Callers of the queue answered today.");
        _meter.CreateObservableGauge("queue.abandoned_today", () => PerQueue((_, today) => today.Abandoned), "{call}",
            "Callers of the queue who hung up waiting today.");
        _meter.CreateObservableGauge("queue.service_level_today", ServiceLevels, "1",
            "Answered within the queue's target over answered + abandoned + overflowed − short abandons, today; NaN before the first.");
        _meter.CreateObservableGauge("agents", AgentsByState, "{agent}", "Agents by state: idle, reserved, ringing, on_call, wrap_up, break, logged_out.");
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> PerQueue(Func<QueueLive, QueueTodayFigures, int> figure)
    {
        var snapshot = _snapshot();
        var today = _options.DayOf(_time.GetUtcNow());
        return snapshot.Queues.Select(queue => new Measurement<int>(figure(queue, snapshot.TodayOf(queue, today)), Queue(queue)));
    }

    private IEnumerable<Measurement<double>> LongestWaits()
    {
        var now = _time.GetUtcNow();
        return _snapshot().Queues.Select(queue => new Measurement<double>(queue.LongestWait(now).TotalSeconds, Queue(queue)));
    }

    private IEnumerable<Measurement<double>> ServiceLevels()
    {
        var snapshot = _snapshot();
        var today = _options.DayOf(_time.GetUtcNow());
        return snapshot.Queues.Select(queue => new Measurement<double>(snapshot.TodayOf(queue, today).ServiceLevel ?? double.NaN, Queue(queue)));
    }

    private IEnumerable<Measurement<int>> AgentsByState() =>
        _snapshot().AgentsByState().Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("state", AgentLiveStates.NameOf(pair.Key))));

    private static KeyValuePair<string, object?> Queue(QueueLive queue) => new("queue", queue.Queue);
}
