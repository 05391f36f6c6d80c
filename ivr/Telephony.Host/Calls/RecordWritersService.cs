using Telephony.Acd.Store.Records;

namespace Telephony.Host.Calls;

/// <summary>Starts the spooled record writers (replaying what an earlier run spooled) and flushes them after the calls.</summary>
internal sealed class RecordWritersService(CallRecordWriter records, QueueEventWriter events) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        records.Start();
        events.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await records.StopAsync(cancellationToken);
        await events.StopAsync(cancellationToken);
    }
}
