using System.Security.Claims;

namespace Telephony.Host.Audit;

/// <summary>Every refused request of a signed-in user (403, or a page's redirect to /denied) goes to the audit log.</summary>
internal static class AccessDeniedAudit
{
    public static IApplicationBuilder UseAccessDeniedAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var denied = context.Response.StatusCode == StatusCodes.Status403Forbidden ||
            (context.Response.StatusCode == StatusCodes.Status302Found &&
             context.Response.Headers.Location.ToString().StartsWith("/denied", StringComparison.Ordinal));
        if (denied)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            var actor = context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
            await audit.WriteAsync(actor, "access-denied", context.Request.Path, new { method = context.Request.Method },
                context.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        }
    });
}
