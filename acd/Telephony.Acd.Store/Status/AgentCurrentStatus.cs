using Telephony.Acd.Agents;

namespace Telephony.Acd.Store.Status;

/// <summary>
/// An agent's current chosen status as shared by every host (acd_agent_current_status): what was chosen, when, by whom
/// and through which host. Changes are ordered by <see cref="ChangedAt"/> (microseconds, what PostgreSQL keeps), then
/// by <see cref="HostId"/> so two hosts' changes in the same microsecond still have one winner everywhere.
/// </summary>
public sealed record AgentCurrentStatus(string AgentId, AgentStatus Status, string? Reason, DateTimeOffset ChangedAt, string? ChangedBy, string HostId)
{
    /// <summary>True when this change came after <paramref name="other"/> (the same order the table keeps).</summary>
    public bool IsNewerThan(AgentCurrentStatus other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byTime = ChangedAt.CompareTo(other.ChangedAt);
        return byTime > 0 || (byTime == 0 && string.CompareOrdinal(HostId, other.HostId) > 0);
    }
}
