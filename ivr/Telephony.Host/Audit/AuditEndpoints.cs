using Telephony.Host.Identity;

namespace Telephony.Host.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", async (AuditLog audit, string? action, int? limit, CancellationToken cancellationToken) =>
                Results.Ok(await audit.RecentAsync(string.IsNullOrWhiteSpace(action) ? null : action, Math.Clamp(limit ?? 200, 1, 1000), cancellationToken)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .WithSummary("The most recent audit entries, newest first; optionally of one action (sign-in, recording-played, …).");
        return endpoints;
    }
}
