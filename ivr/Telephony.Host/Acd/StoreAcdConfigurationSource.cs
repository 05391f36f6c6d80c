using Microsoft.Extensions.Logging;
using Telephony.Acd.Store.Configuration;
using Telephony.Acd.Store.Demo;
using Telephony.Acd.Store.Reservations;
using Telephony.Acd.Store.Status;
using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Host.Demo;

namespace Telephony.Host.Acd;

/// <summary>
/// The dispatcher's queues and agents from the ACD store (acd_queues, acd_agents in service), with the statuses last
/// chosen for them through any host (acd_agent_current_status), so a restarted host takes no request on a status it
/// is about to replace. Before handing them over it frees every agent reservation this host left behind: the
/// dispatcher reserves nobody until it has its configuration, so none of those rows can belong to a live call. Waits
/// for the schema (and with --demo for the demo seed); fails while the database is away, and the dispatcher retries.
/// </summary>
internal sealed class StoreAcdConfigurationSource(
    AcdConfigurationStore store,
    PostgresAgentReservationStore reservations,
    AgentCurrentStatusStore sharedStatuses,
    DatabaseStatus database,
    DemoSeeding demo,
    TelephonyOptions options,
    ILogger<StoreAcdConfigurationSource> logger) : IAcdConfigurationSource
{
    public async Task<AcdConfiguration> LoadAsync(CancellationToken cancellationToken)
    {
        await database.WhenReady.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (options.Demo)
        {
            await demo.AcdSeeded.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var released = await reservations.ReleaseAllForHostAsync(reservations.HostId, cancellationToken).ConfigureAwait(false);
        if (released > 0)
        {
            AcdHostLog.ReleasedLeftovers(logger, released, reservations.HostId);
        }

        var queues = await store.LoadQueuesAsync(cancellationToken).ConfigureAwait(false);
        var agents = await store.LoadAgentsAsync(cancellationToken).ConfigureAwait(false);
        var statuses = await sharedStatuses.LoadAsync(cancellationToken).ConfigureAwait(false);
        return new AcdConfiguration(queues, [.. agents.Where(agent => agent.Active).Select(agent => agent.Agent)])
        {
            // The demo's agents are at their desks from the start so a caller reaches one; a real site starts everyone logged out.
            InitiallyAvailable = options.Demo ? [.. DemoAcd.Agents.Select(agent => agent.Extension)] : [],
            SharedStatuses = statuses,
        };
    }
}
