using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Store.Status;

namespace Telephony.Host.Acd;

/// <summary>The queues and agents the dispatcher loads at start, and the agents that start logged in and available.</summary>
public sealed record AcdConfiguration(IReadOnlyList<AcdQueue> Queues, IReadOnlyList<Agent> Agents)
{
    /// <summary>Extensions of agents who start Available (the demo; a real site starts everyone logged out).</summary>
    public IReadOnlyList<string> InitiallyAvailable { get; init; } = [];

    /// <summary>
    /// Statuses last chosen for agents through any host (the shared table), read with the configuration so they hold
    /// from the first request on; they win over <see cref="InitiallyAvailable"/>.
    /// </summary>
    public IReadOnlyList<AgentCurrentStatus> SharedStatuses { get; init; } = [];
}
