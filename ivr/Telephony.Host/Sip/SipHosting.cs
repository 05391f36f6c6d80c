using Telephony.Host.Health;
using Telephony.Sip.Stack;

namespace Telephony.Host.Sip;

internal static class SipHosting
{
    /// <summary>The SIP stack with its settings from the "Sip" section (timers, limits) and the listen addresses of --sip.</summary>
    public static IServiceCollection AddSip(this IServiceCollection services, IConfiguration configuration)
    {
        var stackOptions = configuration.GetSection(SipStackOptions.SectionName).Get<SipStackOptions>() ?? new SipStackOptions();
        services.AddSingleton(stackOptions);
        services.AddSingleton<SipRequestRouter>();
        services.AddSingleton<SipService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipService>());
        services.AddSingleton<IHealthProbe, SipHealthProbe>();
        return services;
    }
}
