namespace Telephony.Host.Wallboard;

/// <summary>
/// One queue's tile: callers waiting and the longest wait now, agents free for it and on its calls, and today's
/// offered, answered, abandoned and service level (percent; null before the first caller's outcome).
/// </summary>
public sealed record WallboardQueue(
    string Queue,
    int Waiting,
    double LongestWaitSeconds,
    int AgentsAvailable,
    int AgentsOnCall,
    int OfferedToday,
    int AnsweredToday,
    int AbandonedToday,
    double? ServiceLevelPercent);
