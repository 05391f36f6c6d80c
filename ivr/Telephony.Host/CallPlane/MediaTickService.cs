using Telephony.Calls.MediaPlane;
using Telephony.Media.Scheduling;

namespace Telephony.Host.CallPlane;

/// <summary>Starts the one media tick that paces every call's outgoing audio, and stops the media plane after the calls.</summary>
internal sealed class MediaTickService(MediaTickScheduler scheduler, CallMediaEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        engine.Dispose();
        scheduler.Dispose();
        return Task.CompletedTask;
    }
}
