using Telephony.Host.Identity;

namespace Telephony.Host.Pages;

/// <summary>The pages: each HTML page behind the policy of the people it is for; scripts and styles open to all.</summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{file}", (HttpContext context, PageAssets assets, string file) =>
            file.EndsWith(".html", StringComparison.Ordinal) ? Results.NotFound() : assets.Serve(context, file))
            .AllowAnonymous().ExcludeFromDescription();

        MapPage(endpoints, "/login", "login.html", policy: null);
        MapPage(endpoints, "/denied", "denied.html", policy: null);
        MapPage(endpoints, "/", "index.html", Policies.AnyAccount);
        MapPage(endpoints, "/admin/audit", "audit.html", Policies.Admin);
        MapPage(endpoints, "/reports", "reports.html", Policies.Supervision);
        MapPage(endpoints, "/agent", "agent.html", Acd.AgentDeskServices.AgentPolicy);
        MapPage(endpoints, "/supervisor", "supervisor.html", Policies.Supervision);
        return endpoints;
    }

    public static void MapPage(IEndpointRouteBuilder endpoints, string path, string file, string? policy)
    {
        var page = endpoints.MapGet(path, (HttpContext context, PageAssets assets) => assets.Serve(context, file)).ExcludeFromDescription();
        if (policy is null)
        {
            page.AllowAnonymous();
        }
        else
        {
            page.RequireAuthorization(policy);
        }
    }
}
