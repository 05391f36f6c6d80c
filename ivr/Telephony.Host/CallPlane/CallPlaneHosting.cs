using System.Diagnostics.Metrics;
using System.Net;
using Telephony.Calls.Control;
using Telephony.Calls.MediaPlane;
using Telephony.Calls.Sip;
using Telephony.Host.Calls;
using Telephony.Host.Configuration;
using Telephony.Host.Sip;
using Telephony.Media;
using Telephony.Media.Scheduling;
using Telephony.Sip.Messages;
using Telephony.Sip.Registrar;

namespace Telephony.Host.CallPlane;

/// <summary>
/// Calls over our own SIP stack: RTP endpoints and the media tick, and the SIP backend of the call-control API. INVITEs
/// reach the backend through the host's router; agents' phones are found through the registrar's bindings.
/// </summary>
internal static class CallPlaneHosting
{
    public static IServiceCollection AddCallPlane(this IServiceCollection services, IConfiguration configuration, TelephonyOptions options)
    {
        var media = configuration.GetSection("Calls:Media").Get<CallMediaOptions>() ?? new CallMediaOptions();
        if (configuration["Calls:Media:MediaAddress"] is null && options.SipListen.FirstOrDefault(e => !e.Address.Equals(IPAddress.Any)) is { } first)
        {
            // RTP on the address the phones already reach us at, unless configured otherwise.
            media.MediaAddress = first.Address.ToString();
        }

        media.Validate();
        var tick = configuration.GetSection("Calls:Tick").Get<MediaTickOptions>() ?? new MediaTickOptions();
        tick.Validate();
        var sip = configuration.GetSection(SipCallBackendOptions.SectionName).Get<SipCallBackendOptions>() ?? new SipCallBackendOptions();

        // Citizens' numbers that queue callbacks may dial are the ones the trunk may dial: one policy, one setting.
        sip.OriginatePattern ??= configuration["Telephony:Acd:Callback:AllowedNumbers"] ?? QueueCallbackOptions.DefaultAllowedNumbers;

        // The binder leaves an IPEndPoint unset when given text ("127.0.0.1:5060"), so the trunk is parsed here.
        if (sip.OutboundTrunk is null && configuration[SipCallBackendOptions.SectionName + ":OutboundTrunk"] is { Length: > 0 } trunk)
        {
            sip.OutboundTrunk = IPEndPoint.Parse(trunk);
        }

        services.AddSingleton(media);
        services.AddSingleton(tick);
        services.AddSingleton(sip);
        services.AddSingleton(sp => new MediaMetrics(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MediaTickScheduler>();
        services.AddSingleton<CallMediaEngine>();
        services.AddSingleton<ISipLocationService, RegistrarLocationService>();
        services.AddSingleton(sp => new SipCallBackend(
            sp.GetRequiredService<CallMediaEngine>(), sp.GetRequiredService<ISipLocationService>(), sp.GetRequiredService<SipCallBackendOptions>(),
            null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ICallBackend>(sp => sp.GetRequiredService<SipCallBackend>());
        services.AddHostedService<MediaTickService>();
        return services;
    }

    /// <summary>INVITE to the call backend, which attaches to the stack as soon as it exists.</summary>
    public static void RouteCalls(IServiceProvider services)
    {
        var backend = services.GetRequiredService<SipCallBackend>();
        var router = services.GetRequiredService<SipRequestRouter>();
        router.StackCreated += backend.Attach;
        router.Route(SipMethod.Invite, backend.HandleInvite);
    }
}
