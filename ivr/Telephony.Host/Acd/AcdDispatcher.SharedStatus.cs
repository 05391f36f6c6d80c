using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Acd.Store.Status;

namespace Telephony.Host.Acd;

/// <summary>
/// Agents' chosen statuses shared with every host on the database: a status set through this host is published
/// (<see cref="AgentCurrentStatusWriter"/>), and statuses chosen through other hosts are applied here on the loop as
/// <see cref="SharedAgentStatusService"/> hands them over. Each agent keeps the newest shared change this host has
/// seen, so a notification, its own echo and the periodic re-read of the same row change nothing twice, and a status
/// the engine set by itself here (a break after unanswered offers) is not undone by an older shared row.
/// </summary>
public sealed partial class AcdDispatcher
{
    private readonly AgentCurrentStatusWriter? _sharedStatusWriter;

    /// <summary>The newest shared status this host published or applied, per agent id (touched on the loop only).</summary>
    private readonly Dictionary<string, AgentCurrentStatus> _sharedStatuses = new(StringComparer.Ordinal);

    /// <summary>Applies statuses read from the shared table; those not newer than what this host has seen are skipped.</summary>
    public Task ApplySharedStatusesAsync(IReadOnlyList<AgentCurrentStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return PostAsync(
            () =>
            {
                foreach (var shared in statuses)
                {
                    ApplySharedStatus(shared);
                }
            },
            cancellationToken);
    }

    private void ShareStatus(string agentId, AgentStatus status, string reason, string changedBy)
    {
        if (_sharedStatusWriter is not null)
        {
            _sharedStatuses[agentId] = _sharedStatusWriter.Publish(agentId, status, reason, changedBy);
        }
    }

    private void ApplySharedStatus(AgentCurrentStatus shared)
    {
        if (!_extensionsByAgentId.TryGetValue(shared.AgentId, out var extension)
            || (_sharedStatuses.TryGetValue(shared.AgentId, out var seen) && !shared.IsNewerThan(seen)))
        {
            return;
        }

        _sharedStatuses[shared.AgentId] = shared;
        if (_engine.GetAgent(shared.AgentId) is not { } agent
            || (agent.Status == shared.Status && (shared.Status != AgentStatus.OnBreak || agent.BreakReason == shared.Reason)))
        {
            return;
        }

        // The engine takes no break while logged out; a break chosen elsewhere still holds here, without a moment available.
        var result = shared.Status == AgentStatus.OnBreak && agent.Status == AgentStatus.LoggedOut
            ? _engine.LogInOnBreak(shared.AgentId, shared.Reason ?? "break")
            : _engine.SetStatus(shared.AgentId, shared.Status, shared.Status == AgentStatus.OnBreak ? shared.Reason ?? "break" : null);
        Apply(result, shared.ChangedBy, statusLoggedByOrigin: true);
        AcdHostLog.SharedStatusApplied(_logger, extension, shared.Status, shared.HostId, result.Rejection);
    }
}
