using Telephony.Acd.Estimation;

namespace Telephony.Acd.Routing;

/// <summary>
/// Callers of one queue with the same merged requirements (e.g. queue "transfers" + lang:ru): they compete for the
/// same agents, so they share an order, relaxation levels and a handle-time average.
/// </summary>
internal sealed class CallerPool
{
    public CallerPool(string key, QueueRuntime queue, ResolvedRequirement[][] levels, string? language, double smoothing)
    {
        Key = key;
        Queue = queue;
        Levels = levels;
        Language = language;
        HandleTime = new HandleTimeAverage(smoothing);
    }

    public string Key { get; }

    public QueueRuntime Queue { get; }

    /// <summary>Requirements per relaxation level; index 0 is strict, each next one is no stricter.</summary>
    public ResolvedRequirement[][] Levels { get; }

    public ResolvedRequirement[] Strict => Levels[0];

    public ResolvedRequirement[] MostRelaxed => Levels[^1];

    /// <summary>The caller's language code, for announcements; null when no language skill is required.</summary>
    public string? Language { get; }

    public SortedSet<WaitingCaller> Waiting { get; } = new(CallerOrder.Instance);

    public HandleTimeAverage HandleTime { get; }

    /// <summary>Position in the engine's list of pools that have waiting callers; -1 when absent.</summary>
    public int ActivePosition { get; set; } = -1;
}
