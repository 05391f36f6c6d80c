namespace Telephony.Host.Health;

/// <summary>GET /healthz: 200 when every probe is healthy, 503 naming the failing parts otherwise.</summary>
internal static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(IEnumerable<IHealthProbe> probes, CancellationToken cancellationToken)
    {
        var checks = new SortedDictionary<string, HealthProbeResult>(StringComparer.Ordinal);
        var results = await Task.WhenAll(probes.Select(async p => (p.Name, Result: await p.CheckAsync(cancellationToken))));
        foreach (var (name, result) in results)
        {
            checks[name] = result;
        }

        var failing = checks.Where(c => !c.Value.Healthy).Select(c => c.Key).ToList();
        var body = new HealthReport(failing.Count == 0 ? "healthy" : "unhealthy", failing, checks);
        return Results.Json(body, statusCode: failing.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record HealthReport(string Status, IReadOnlyList<string> Failing, IReadOnlyDictionary<string, HealthProbeResult> Checks);
}
