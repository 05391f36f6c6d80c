namespace Telephony.Host.Acd.Live;

/// <summary>
/// The ACD as the dispatcher's loop last published it: immutable, so metric scrapes and the wallboard read it from any
/// thread without touching the engine. <see cref="Day"/> is the local day the today figures belong to.
/// </summary>
public sealed record AcdLiveSnapshot(DateOnly Day, IReadOnlyList<QueueLive> Queues, IReadOnlyList<AgentLive> Agents)
{
    public static AcdLiveSnapshot Empty { get; } = new(DateOnly.MinValue, [], []);

    /// <summary>Agents per state, every state present (zero when nobody is in it).</summary>
    public IReadOnlyDictionary<AgentLiveState, int> AgentsByState()
    {
        var counts = AgentLiveStates.All.ToDictionary(state => state, _ => 0);
        foreach (var agent in Agents)
        {
            counts[agent.State]++;
        }

        return counts;
    }

    /// <summary>A queue's today figures as of <paramref name="today"/>: none when the snapshot is from an earlier day.</summary>
    public QueueTodayFigures TodayOf(QueueLive queue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return Day == today ? queue.Today : QueueTodayFigures.None;
    }
}
