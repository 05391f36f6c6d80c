using Telephony.Acd.Events;
using Telephony.Acd.Routing;

namespace Telephony.Host.Acd.Live;

/// <summary>
/// Today's offered, answered, abandoned and overflowed callers per queue, counted from the engine's events on the
/// dispatcher's loop (never touched by another thread). The first event of a new local day starts from zero.
/// </summary>
internal sealed class AcdTodayCounters(AcdLiveOptions options)
{
    private readonly Dictionary<string, Counts> _queues = new(StringComparer.Ordinal);

    public DateOnly Day { get; private set; } = DateOnly.MinValue;

    public void Record(AcdResult result)
    {
        foreach (var acdEvent in result.Events)
        {
            switch (acdEvent)
            {
                case CallerQueued queued:
                    For(queued.QueueId, queued.At).Offered++;
                    break;
                case CallerAnswered answered:
                    var counts = For(answered.QueueId, answered.At);
                    counts.Answered++;
                    if (answered.WithinServiceLevel)
                    {
                        counts.AnsweredWithinTarget++;
                    }

                    break;
                case CallerAbandoned abandoned:
                    var abandonedIn = For(abandoned.QueueId, abandoned.At);
                    abandonedIn.Abandoned++;
                    if (abandoned.Waited <= options.ShortAbandonThreshold)
                    {
                        abandonedIn.ShortAbandoned++;
                    }

                    break;
                case CallerOverflowed overflowed:
                    For(overflowed.QueueId, overflowed.At).Overflowed++;
                    break;
            }
        }
    }

    /// <summary>The figures of a queue for the current <see cref="Day"/>.</summary>
    public QueueTodayFigures Of(string queueId) => _queues.TryGetValue(queueId, out var counts)
        ? new QueueTodayFigures(counts.Offered, counts.Answered, counts.AnsweredWithinTarget, counts.Abandoned, counts.ShortAbandoned, counts.Overflowed)
        : QueueTodayFigures.None;

    private Counts For(string queueId, DateTimeOffset at)
    {
        var day = options.DayOf(at);
        if (day > Day)
        {
            _queues.Clear();
            Day = day;
        }

        if (!_queues.TryGetValue(queueId, out var counts))
        {
            counts = new Counts();
            _queues[queueId] = counts;
        }

        return counts;
    }

    private sealed class Counts
    {
        public int Offered { get; set; }

        public int Answered { get; set; }

        public int AnsweredWithinTarget { get; set; }

        public int Abandoned { get; set; }

        public int ShortAbandoned { get; set; }

        public int Overflowed { get; set; }
    }
}
