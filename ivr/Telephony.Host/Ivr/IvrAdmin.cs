using Telephony.Host.Configuration;
using Telephony.Host.Identity;
using Telephony.Host.Pages;
using Telephony.Ivr.Store.Holidays;
using Telephony.Ivr.Store.Prompts;
using Telephony.Ivr.Store.Trees;

namespace Telephony.Host.Ivr;

/// <summary>The IVR's administration: menu trees, holiday calendars and prompts, over /api/ivr and the pages /admin/ivr and /admin/hours.</summary>
internal static class IvrAdmin
{
    public static IServiceCollection AddIvrAdmin(this IServiceCollection services, TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<MenuTreeStore>();
        services.AddSingleton<HolidayCalendarStore>();
        services.AddSingleton<PromptUploadStore>();
        services.AddSingleton<RenderedPromptIndex>();
        services.AddSingleton<IvrValidationContextSource>();
        services.AddSingleton<IvrPromptService>();
        services.AddHostedService<IvrDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapIvrAdmin(this IEndpointRouteBuilder endpoints)
    {
        var ivr = endpoints.MapGroup("/api/ivr").RequireAuthorization(Policies.Admin).WithTags("IVR");
        IvrTreeEndpoints.Map(ivr);
        IvrHolidayEndpoints.Map(ivr);
        IvrPromptEndpoints.Map(ivr);
        PageEndpoints.MapPage(endpoints, "/admin/ivr", "ivr.html", Policies.Admin);
        PageEndpoints.MapPage(endpoints, "/admin/hours", "hours.html", Policies.Admin);
        return endpoints;
    }
}
