using Npgsql;

namespace Telephony.Host.Acd;

/// <summary>
/// Builds the supervisor page's view from the dispatcher's snapshot and today's counts. The counts change only when
/// call records land, so one answer is reused for a few seconds however many pages refresh.
/// </summary>
public sealed class SupervisorBoard(AcdDispatcher dispatcher, QueueDayCountsQuery counts, TimeProvider time, ILogger<SupervisorBoard> logger)
{
    private static readonly TimeSpan CountsMaxAge = TimeSpan.FromSeconds(2);

    private volatile CountsAnswer? _lastCounts;

    public async Task<SupervisorView> ViewAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var snapshot = await dispatcher.GetSupervisorSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var agents = snapshot.Agents.Select(agent => new SupervisorAgentView(
            agent.Extension,
            AgentDesk.StatusWord(agent.Status),
            agent.BreakReason,
            AgentDesk.StateWord(agent.State),
            agent.StateSince,
            agent.Card?.Caller,
            agent.Card?.Queue)).ToArray();
        var today = await CountsAsync(since, cancellationToken).ConfigureAwait(false);
        return new SupervisorView(snapshot.At, snapshot.Callers, agents, today ?? [], today is not null);
    }

    private async Task<IReadOnlyList<QueueDayCounts>?> CountsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lastCounts is { } last && last.Since == since && now - last.At < CountsMaxAge)
        {
            return last.Counts;
        }

        try
        {
            // Two pages asking at once may both query; the later answer simply replaces the earlier.
            var fresh = await counts.SinceAsync(since, cancellationToken).ConfigureAwait(false);
            _lastCounts = new CountsAnswer(since, now, fresh);
            return fresh;
        }
        catch (NpgsqlException exception)
        {
            // The live part of the page does not depend on the database; only the day's counts wait for it.
            AgentDeskLog.CountsUnavailable(logger, exception);
            return null;
        }
    }

    private sealed record CountsAnswer(DateTimeOffset Since, DateTimeOffset At, IReadOnlyList<QueueDayCounts> Counts);
}
