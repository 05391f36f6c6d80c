namespace Telephony.Host.Acd.Live;

/// <summary>
/// One queue at the moment of a snapshot: callers waiting (including those being offered to an agent) and since when
/// the oldest waits, the agents who could take its callers now and those on its calls, and today's figures.
/// </summary>
public sealed record QueueLive(
    string Queue,
    int Waiting,
    DateTimeOffset? OldestEnqueuedAt,
    int AgentsAvailable,
    int AgentsOnCall,
    QueueTodayFigures Today)
{
    /// <summary>The longest current wait at <paramref name="now"/>; zero when nobody waits.</summary>
    public TimeSpan LongestWait(DateTimeOffset now) =>
        OldestEnqueuedAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
}
