using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Recording;
using Telephony.Recording.Retention;
using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>
/// Once the schema is in place: repairs the recordings a killed previous run left open (files fixed, rows interrupted)
/// and only then lets new recordings start; with --demo publishes the demo scorecard; then runs retention at start
/// and every <see cref="RecordingHostOptions.RetentionInterval"/>.
/// </summary>
internal sealed class RecordingStartup(
    DatabaseStatus database,
    RecordingRecovery recovery,
    RecordingReadiness readiness,
    RetentionJob retention,
    ScorecardStore scorecards,
    RecordingHostOptions hostOptions,
    TelephonyOptions options,
    TimeProvider time,
    ILogger<RecordingStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReady.WaitAsync(stoppingToken);
        try
        {
            var recovered = await recovery.RepairInterruptedAsync(stoppingToken);
            RecordingHostLog.Recovered(logger, recovered);
            readiness.Complete(true);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            RecordingHostLog.RecoveryFailed(logger, exception);
            readiness.Complete(false);
        }

        if (options.Demo)
        {
            await SeedDemoScorecardAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(hostOptions.RetentionInterval, time);
        do
        {
            try
            {
                var deleted = await retention.RunAsync(time.GetUtcNow(), stoppingToken);
                RecordingHostLog.RetentionRan(logger, deleted);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or IOException or TimeoutException)
            {
                RecordingHostLog.RetentionFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SeedDemoScorecardAsync(CancellationToken cancellationToken)
    {
        if (await scorecards.GetLatestAsync(DemoScorecard.FormId, cancellationToken) is not null)
        {
            return;
        }

        var draft = await scorecards.SaveDraftAsync(DemoScorecard.FormId, DemoScorecard.Name, DemoScorecard.Definition, cancellationToken);
        await scorecards.PublishAsync(draft.FormId, draft.Version, cancellationToken);
        RecordingHostLog.DemoScorecardSeeded(logger, DemoScorecard.FormId);
    }
}
