using System.Security.Claims;
using Telephony.Host.Identity;
using Telephony.Reports;
using Telephony.Reports.Periods;
using Telephony.Reports.Storage;

namespace Telephony.Host.Reports;

/// <summary>Statistics reports: generate a period on demand, list what exists, download files, preview figures.</summary>
internal static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Supervision);
        group.MapPost("/{kind}", GenerateAsync)
            .WithSummary("Generates (or regenerates) the daily, monthly, quarterly or yearly report of the period containing `period` (e.g. 2026-11-23, 2026-11, 2026-Q4, 2026).");
        group.MapGet("/", ListAsync).WithSummary("Every stored report, newest period first, with download links.");
        group.MapGet("/{id:long}/files/{name}", DownloadAsync).WithSummary("One file of a report: XLSX, CSV zip or chart PNG.");
        group.MapGet("/preview/{kind}", PreviewAsync).WithSummary("The figures of a period computed now, as JSON tables, without storing a report.");
        return endpoints;
    }

    private static async Task<IResult> GenerateAsync(string kind, string? period, ClaimsPrincipal user, ReportGenerator generator, CancellationToken cancellationToken)
    {
        if (!TryParse(kind, period, out var parsed, out var problem))
        {
            return problem;
        }

        var report = await generator.GenerateAsync(parsed, user.Identity?.Name ?? "unknown", rebuildStatistics: true, cancellationToken);
        return Results.Ok(new
        {
            report.Id,
            Kind = parsed.KindName,
            parsed.Label,
            Files = report.Files.Select(f => new { f.Name, f.ContentType, Url = FileUrl(report.Id, f.Name) }),
            report.Data.Summary,
        });
    }

    private static async Task<IResult> ListAsync(ReportStore store, CancellationToken cancellationToken)
    {
        var reports = await store.ListAsync(cancellationToken);
        return Results.Ok(reports.Select(r => new
        {
            r.Id,
            r.Kind,
            r.Label,
            r.PeriodStart,
            r.PeriodEnd,
            r.GeneratedAt,
            r.GeneratedBy,
            Files = r.Files.Select(name => new { Name = name, Url = FileUrl(r.Id, name) }),
        }));
    }

    private static async Task<IResult> DownloadAsync(long id, string name, ReportStore store, CancellationToken cancellationToken)
    {
        var file = await store.GetFileAsync(id, name, cancellationToken);
        return file is null ? Results.NotFound() : Results.File(file.Content.ToArray(), file.ContentType, file.Name);
    }

    private static async Task<IResult> PreviewAsync(string kind, string? period, ClaimsPrincipal user, Telephony.Reports.Building.ReportQuery query, CancellationToken cancellationToken)
    {
        if (!TryParse(kind, period, out var parsed, out var problem))
        {
            return problem;
        }

        var data = await query.ReadAsync(parsed, user.Identity?.Name ?? "unknown", cancellationToken);
        return Results.Ok(data);
    }

    private static bool TryParse(string kind, string? period, out ReportPeriod parsed, out IResult problem)
    {
        parsed = null!;
        problem = Results.Empty;
        try
        {
            parsed = ReportPeriod.Parse(kind, period ?? string.Empty);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            problem = Results.Problem($"'{kind}' / '{period}': {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
            return false;
        }
    }

    private static string FileUrl(long id, string name) => $"/api/reports/{id}/files/{Uri.EscapeDataString(name)}";
}
