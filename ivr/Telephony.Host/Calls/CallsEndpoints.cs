using Telephony.Acd.Store.Records;
using Telephony.Host.Identity;

namespace Telephony.Host.Calls;

internal static class CallsEndpoints
{
    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/calls", async (DateTimeOffset? since, int? limit, CallRecordQueries queries, TimeProvider time, CancellationToken cancellationToken) =>
                Results.Ok(await queries.SinceAsync(since ?? time.GetUtcNow().AddDays(-1), Math.Clamp(limit ?? 1000, 1, 10_000), cancellationToken)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Calls")
            .WithSummary("Call records started at or after `since` (ISO 8601; default the last 24 hours), newest first.");
        return endpoints;
    }
}
