using System.Globalization;
using Npgsql;
using Telephony.Acd.Store.Callbacks;
using Telephony.Data.Diagnostics;
using Telephony.Host.Configuration;

namespace Telephony.Host.Acd;

/// <summary>
/// Queued callbacks in acd_callbacks, shared by every host on the database: the store with this host's lease
/// (<c>Telephony:Acd:Callback:LeaseSeconds</c>, 30 by default: how long after a host dies its callbacks pass to
/// another), the spooled writer and the sweep. Call after AddHotline and before AddAcdDispatcher, so the sweep stops
/// after the dispatcher and writes its last changes.
/// </summary>
internal static class CallbackServices
{
    public const int DefaultLeaseSeconds = 30;

    public static IServiceCollection AddQueueCallbackStore(this IServiceCollection services, IConfiguration configuration, TelephonyOptions options)
    {
        var leaseSeconds = configuration["Telephony:Acd:Callback:LeaseSeconds"] is { } configured
            ? int.Parse(configured, NumberStyles.None, CultureInfo.InvariantCulture)
            : DefaultLeaseSeconds;
        if (leaseSeconds < 3)
        {
            throw new ArgumentException("Telephony:Acd:Callback:LeaseSeconds must be at least 3.", nameof(configuration));
        }

        services.AddSingleton(sp => new PostgresCallbackStore(
            sp.GetRequiredService<NpgsqlDataSource>(), options.HostId, TimeSpan.FromSeconds(leaseSeconds), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CallbackWriter(sp.GetRequiredService<PostgresCallbackStore>(), Path.Combine(options.DataDirectory, "spool"),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DataMetrics>(), sp.GetRequiredService<ILogger<CallbackWriter>>()));
        services.AddHostedService<CallbackLeaseService>();
        return services;
    }
}
