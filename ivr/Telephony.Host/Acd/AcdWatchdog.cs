using Microsoft.Extensions.Logging;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

/// <summary>
/// Self-healing: at start and every <see cref="Interval"/>, asks the dispatcher to release agents and callers that no
/// live call backs (a lost hang-up, a crashed flow). One timer for the process.
/// </summary>
public sealed class AcdWatchdog(AcdDispatcher dispatcher, TimeProvider time, ILogger<AcdWatchdog> logger) : BackgroundService
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var repairs = await dispatcher.RepairAsync(stoppingToken).ConfigureAwait(false);
                if (repairs > 0)
                {
                    CallsLog.Repaired(logger, repairs);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CallsLog.DispatcherItemFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
