using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Prompts;
using Telephony.Ivr.Store.Holidays;
using Telephony.Ivr.Store.Trees;

namespace Telephony.Host.Ivr;

/// <summary>
/// With --demo, puts the demo hotline's tree in force as version 1 and stores Azerbaijan's holiday calendar, once, into
/// an empty IVR store; then renders the tree's prompts so the first call finds them ready.
/// </summary>
internal sealed class IvrDemoSeeder(
    TelephonyOptions options,
    DatabaseStatus database,
    MenuTreeStore trees,
    HolidayCalendarStore calendars,
    IvrValidationContextSource validation,
    IvrPromptService prompts,
    ILogger<IvrDemoSeeder> logger) : BackgroundService
{
    public const string Actor = "demo-seed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Demo)
        {
            return;
        }

        await database.WhenReady.WaitAsync(stoppingToken);
        var calendarAdded = await calendars.AddIfMissingAsync(PublicHolidays.Azerbaijan(), Actor, stoppingToken);
        var tree = DemoHotline.LoadTree(alwaysOpen: options.DemoAlwaysOpen);
        if (await trees.GetDraftAsync(tree.Id, stoppingToken) is not null)
        {
            return;
        }

        var context = await validation.GetAsync(stoppingToken);
        var saved = await trees.SaveDraftAsync(tree, Actor, context, stoppingToken);
        var published = saved.Outcome == TreeChangeOutcome.Done
            ? await trees.PublishAsync(tree.Id, Actor, context, null, stoppingToken)
            : saved;
        if (published.Version is not { } version)
        {
            IvrAdminLog.DemoRefused(logger, tree.Id, string.Join("; ", published.Faults));
            return;
        }

        IvrAdminLog.DemoSeeded(logger, tree.Id, version, PublicHolidays.AzerbaijanId, calendarAdded);

        // Published first and rendered after, outside the publish, so the demo tree is there at once; the prompts follow.
        try
        {
            await prompts.RenderTreeAsync(tree with { Version = version }, stoppingToken);
        }
        catch (PromptException)
        {
            // Logged by the prompt service; the tree stays published and the next publish renders again.
        }
    }
}
