using Npgsql;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.Host.Configuration;
using Telephony.Host.Ivr;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Store.Trees;

namespace Telephony.Host.Calls;

/// <summary>
/// The hotline: calls to its number run the published menu, wait in the ACD and reach an agent; every call leaves a
/// record written through the spool (nothing lost while the database is away).
/// </summary>
internal static class HotlineHosting
{
    /// <summary>Call before AddAcdDispatcher: the durable record sink replaces its in-memory default.</summary>
    public static IServiceCollection AddHotline(this IServiceCollection services, IConfiguration configuration, TelephonyOptions options)
    {
        var spool = Path.Combine(options.DataDirectory, "spool");
        services.AddSingleton<DataMetrics>();
        services.AddSingleton(sp => new CallRecordWriter(sp.GetRequiredService<NpgsqlDataSource>(), spool, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DataMetrics>(), sp.GetRequiredService<ILogger<CallRecordWriter>>()));
        services.AddSingleton(sp => new QueueEventWriter(sp.GetRequiredService<NpgsqlDataSource>(), spool, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DataMetrics>(), sp.GetRequiredService<ILogger<QueueEventWriter>>()));
        services.AddSingleton<ICallRecordSink, StoreCallRecordSink>();
        services.AddHostedService<RecordWritersService>();
        services.AddSingleton<CallRecordQueries>();

        var treeId = configuration["Telephony:Hotline:TreeId"] ?? "edu-hotline";
        services.AddSingleton<IPublishedMenu>(sp => new StorePublishedMenu(
            sp.GetRequiredService<MenuTreeStore>(), treeId, options.Demo ? new DemoPublishedMenu(options.DemoAlwaysOpen) : null,
            sp.GetRequiredService<ILogger<StorePublishedMenu>>()));
        services.AddSingleton<IVoicemailSink>(new DirectoryVoicemailSink(Path.Combine(options.DataDirectory, "voicemail")));
        services.AddSingleton<IPromptLibrary>(sp => sp.GetRequiredService<IvrPromptService>().CreateLibrary());
        services.AddSingleton<IvrInterpreter>();
        services.AddSingleton(new HotlineOptions
        {
            Number = configuration["Telephony:Hotline:Number"] ?? "100",
            MusicOnHoldFile = configuration["Telephony:Hotline:MusicOnHoldFile"],
            ShutdownGrace = options.ShutdownGrace,
            HostId = options.HostId,
            MenuClock = options.MenuClock,
            Callback = new QueueCallbackOptions
            {
                Key = configuration["Telephony:Acd:Callback:Key"] is { } key ? (key.Length == 0 ? null : key) : "1",
                AllowedNumbers = configuration["Telephony:Acd:Callback:AllowedNumbers"] ?? QueueCallbackOptions.DefaultAllowedNumbers,
            },
        });
        return services;
    }

    /// <summary>Call after AddAcdDispatcher, so that on stop the flow (registered later) stops first and the dispatcher after it.</summary>
    public static IServiceCollection AddHotlineFlow(this IServiceCollection services)
    {
        services.AddSingleton<HotlineCallFlow>();
        services.AddHostedService(sp => sp.GetRequiredService<HotlineCallFlow>());
        return services;
    }
}
