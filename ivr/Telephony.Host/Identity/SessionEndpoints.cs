using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Telephony.Host.Audit;

namespace Telephony.Host.Identity;

/// <summary>Signing in and out of the pages, and who the caller is.</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/session").WithTags("Session");
        group.MapPost("/", SignInAsync).AllowAnonymous();
        group.MapDelete("/", (Delegate)SignOutAsync).RequireAuthorization(Policies.AnyAccount);
        endpoints.MapGet("/api/me", Me).RequireAuthorization(Policies.AnyAccount).WithTags("Session");
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext context, AccountStore accounts, LoginThrottle throttle, AuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || request.Password is null)
        {
            return Results.Problem("Username and password are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsLockedOut(source, request.Username))
        {
            await audit.WriteAsync(request.Username, "sign-in-refused", null, new { reason = "too many failures" }, source, cancellationToken);
            return Results.Problem("Too many failed sign-ins; try again in a few minutes.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var account = await accounts.VerifyAsync(request.Username, request.Password, cancellationToken);
        if (account is null)
        {
            throttle.RecordFailure(source, request.Username);
            await audit.WriteAsync(request.Username, "sign-in-failed", null, null, source, cancellationToken);
            return Results.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.RecordSuccess(source, request.Username);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimsFactory.Create(account, CookieAuthenticationDefaults.AuthenticationScheme));
        await audit.WriteAsync(account.Username, "sign-in", null, null, source, cancellationToken);
        return Results.Ok(MeResponse.From(account));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static MeResponse Me(ClaimsPrincipal user) => new(
        user.Identity!.Name!,
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity.Name!,
        user.FindFirstValue(ClaimTypes.Role)!,
        user.FindFirstValue(ClaimsFactory.ExtensionClaim));

    internal sealed record SignInRequest(string? Username, string? Password);

    internal sealed record MeResponse(string Username, string DisplayName, string Role, string? Extension)
    {
        public static MeResponse From(Account account) => new(account.Username, account.DisplayName, account.Role, account.Extension);
    }
}
