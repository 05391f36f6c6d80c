using Telephony.Acd.Store.Status;

namespace Telephony.Host.Acd;

/// <summary>Starts the agent status log's spooled writer (replaying what an earlier run spooled) and flushes it at stop.</summary>
internal sealed class AgentStatusWriterService(AgentStatusWriter writer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        writer.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => writer.StopAsync(cancellationToken);
}
