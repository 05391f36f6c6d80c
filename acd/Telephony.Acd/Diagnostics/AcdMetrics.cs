using System.Diagnostics.Metrics;
using Telephony.Acd.Events;
using Telephony.Acd.Routing;

namespace Telephony.Acd.Diagnostics;

/// <summary>
/// ACD instruments on the "Telephony.Acd" meter, fed from the events of each <see cref="AcdResult"/>
/// (the engine itself stays free of side effects). The host exports them, e.g. to Prometheus as
/// telephony_acd_queue_wait_seconds.
/// </summary>
public sealed class AcdMetrics : IDisposable
{
    public const string MeterName = "Telephony.Acd";

    private readonly Meter _meter;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _abandoned;
    private readonly Counter<long> _overflowed;
    private readonly Counter<long> _offerTimeouts;
    private readonly Counter<long> _reservationConflicts;
    private readonly Counter<long> _agentsPaused;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _handleTime;

    public AcdMetrics()
    {
        _meter = new Meter(MeterName);
        _queued = _meter.CreateCounter<long>("callers.queued", description: "Callers that entered a queue.");
        _answered = _meter.CreateCounter<long>("callers.answered", description: "Queued callers answered by an agent.");
        _abandoned = _meter.CreateCounter<long>("callers.abandoned", description: "Queued callers that hung up before an answer.");
        _overflowed = _meter.CreateCounter<long>("callers.overflowed", description: "Callers sent to a queue's overflow target.");
        _offerTimeouts = _meter.CreateCounter<long>("offers.timed_out", description: "Offers that rang out or failed to ring.");
        _reservationConflicts = _meter.CreateCounter<long>("reservations.conflicts", description: "Agents another process reserved first.");
        _agentsPaused = _meter.CreateCounter<long>("agents.paused", description: "Agents put on break for unanswered offers.");
        _wait = _meter.CreateHistogram<double>("queue.wait", "s", "Time callers waited, by outcome.");
        _handleTime = _meter.CreateHistogram<double>("handle_time", "s", "Talk plus wrap-up of answered calls.");
    }

    public void Record(AcdResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var acdEvent in result.Events)
        {
            Record(acdEvent);
        }
    }

    public void Dispose() => _meter.Dispose();

    private void Record(AcdEvent acdEvent)
    {
        switch (acdEvent)
        {
            case CallerQueued queued:
                _queued.Add(1, Queue(queued.QueueId));
                break;
            case CallerAnswered answered:
                _answered.Add(1, Queue(answered.QueueId));
                _wait.Record(answered.Waited.TotalSeconds, Queue(answered.QueueId), new("outcome", "answered"));
                break;
            case CallerAbandoned abandoned:
                _abandoned.Add(1, Queue(abandoned.QueueId));
                _wait.Record(abandoned.Waited.TotalSeconds, Queue(abandoned.QueueId), new("outcome", "abandoned"));
                break;
            case CallerOverflowed overflowed:
                _overflowed.Add(1, Queue(overflowed.QueueId), new("reason", overflowed.Reason.ToString()));
                _wait.Record(overflowed.Waited.TotalSeconds, Queue(overflowed.QueueId), new("outcome", "overflowed"));
                break;
            case OfferTimedOut:
                _offerTimeouts.Add(1);
                break;
            case AgentReservationFailed:
                _reservationConflicts.Add(1);
                break;
            case AgentPaused:
                _agentsPaused.Add(1);
                break;
            case HandleTimeRecorded handled:
                _handleTime.Record(handled.HandleTime.TotalSeconds, Queue(handled.QueueId));
                break;
        }
    }

    private static KeyValuePair<string, object?> Queue(string queueId) => new("queue", queueId);
}
