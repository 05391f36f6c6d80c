using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Telephony.Acd.Diagnostics;
using Telephony.Acd.Ports;
using Telephony.Acd.Store.Configuration;
using Telephony.Acd.Store.Reservations;
using Telephony.Acd.Store.Status;
using Telephony.Calls.Control;
using Telephony.Data.Diagnostics;
using Telephony.Host.Acd.Live;
using Telephony.Host.Configuration;
using Telephony.Host.Demo;
using Telephony.Reports;

namespace Telephony.Host.Acd;

/// <summary>
/// Registers the ACD dispatcher on the ACD store: queues and agents from acd_queues/acd_agents (the demo's with --demo),
/// agent reservations shared with every host on the database, queue events and the agent status log through the
/// spooled writers. Call after AddHotline (which registers the queue event writer and <see cref="DataMetrics"/>).
/// </summary>
internal static class AcdServices
{
    public static IServiceCollection AddAcdDispatcher(this IServiceCollection services, TelephonyOptions options)
    {
        services.TryAddSingleton<ICallBackend, NoCallBackend>();
        services.TryAddSingleton<IMediaTapFactory, NoRecordingTapFactory>();
        services.AddSingleton(sp => new PostgresAgentReservationStore(sp.GetRequiredService<NpgsqlDataSource>(), options.HostId, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAgentReservationStore>(sp => sp.GetRequiredService<PostgresAgentReservationStore>());
        services.AddSingleton(sp => new AcdConfigurationStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<DemoSeeding>();
        services.AddSingleton<IAcdConfigurationSource, StoreAcdConfigurationSource>();
        services.AddSingleton(sp => new AgentStatusWriter(sp.GetRequiredService<NpgsqlDataSource>(), Path.Combine(options.DataDirectory, "spool"),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DataMetrics>(), sp.GetRequiredService<ILogger<AgentStatusWriter>>()));
        services.AddSingleton<IAcdEventRecorder, StoreAcdEventRecorder>();
        services.AddSingleton(sp => new AgentCurrentStatusStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new AgentCurrentStatusWriter(sp.GetRequiredService<NpgsqlDataSource>(), options.HostId, Path.Combine(options.DataDirectory, "spool"),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DataMetrics>(), sp.GetRequiredService<ILogger<AgentCurrentStatusWriter>>()));

        // Registered before the dispatcher so it stops after it and flushes the dispatcher's last status changes.
        services.AddHostedService<AgentStatusWriterService>();
        services.AddHostedService<SharedAgentStatusService>();
        services.TryAddSingleton<AcdMetrics>();
        services.TryAddSingleton<AcdRepairMetrics>();
        services.TryAddSingleton(sp => sp.GetService<ReportsOptions>() is { } reports ? AcdLiveOptions.From(reports) : AcdLiveOptions.Default);
        services.AddSingleton<AcdDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<AcdDispatcher>());
        services.AddHostedService<AcdWatchdog>();
        return services;
    }
}
