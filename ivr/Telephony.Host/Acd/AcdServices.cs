using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.Acd.Diagnostics;
using Telephony.Acd.Ports;
using Telephony.Calls.Control;
using Telephony.Host.Acd.Live;
using Telephony.Host.Configuration;
using Telephony.Reports;

namespace Telephony.Host.Acd;

/// <summary>Registers the ACD dispatcher (the demo's queues and agents with --demo) with defaults the integrator replaces (call backend, tap factory, stores).</summary>
internal static class AcdServices
{
    public static IServiceCollection AddAcdDispatcher(this IServiceCollection services, TelephonyOptions options)
    {
        services.TryAddSingleton<ICallBackend, NoCallBackend>();
        services.TryAddSingleton<IMediaTapFactory, NoRecordingTapFactory>();
        services.TryAddSingleton<IAgentReservationStore, InMemoryAgentReservationStore>();
        services.TryAddSingleton<IAcdConfigurationSource>(new StaticAcdConfigurationSource(options.Demo ? DemoAcdConfiguration.Create() : new AcdConfiguration([], [])));
        services.TryAddSingleton<AcdMetrics>();
        services.TryAddSingleton<AcdRepairMetrics>();
        services.TryAddSingleton(sp => sp.GetService<ReportsOptions>() is { } reports ? AcdLiveOptions.From(reports) : AcdLiveOptions.Default);
        services.AddSingleton<AcdDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<AcdDispatcher>());
        services.AddHostedService<AcdWatchdog>();
        return services;
    }
}
