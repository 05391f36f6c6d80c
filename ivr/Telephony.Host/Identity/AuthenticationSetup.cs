using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Telephony.Host.Identity;

/// <summary>
/// Pages sign in with a cookie; /api/* also takes HTTP Basic with the same accounts. Unauthenticated API calls get 401,
/// forbidden ones 403 (never a redirect); pages redirect to /login.
/// </summary>
internal static class AuthenticationSetup
{
    private const string SelectorScheme = "CookieOrBasic";

    public static IServiceCollection AddTelephonyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, null, options => options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "telephony_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/denied";
                options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Supervision, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Recordings, p => p.RequireRole(Roles.Qa, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.AnyAccount, p => p.RequireAuthenticatedUser());
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return BasicAuthenticationHandler.SchemeName;
        }

        // An API call without a session cookie is a script: challenge it with Basic rather than a login redirect.
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var hasCookie = context.Request.Cookies.ContainsKey("telephony_session");
        return isApi && !hasCookie ? BasicAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    private static Task RespondOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
