using System.Text.Json;
using Dapper;
using Npgsql;

namespace Telephony.Host.Audit;

/// <summary>Appends to the audit trail: who did what to which subject, from where.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(string actor, string action, string? subject, object? detail, string? sourceIp, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (actor, action, subject, detail, source_ip) VALUES (@actor, @action, @subject, @detail::jsonb, @sourceIp)",
            new { actor, action, subject, detail = detail is null ? null : JsonSerializer.Serialize(detail), sourceIp },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(string? action, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            """
            SELECT id, at, actor, action, subject, detail::text AS Detail, source_ip AS SourceIp FROM audit_log
            WHERE @action::text IS NULL OR action = @action ORDER BY id DESC LIMIT @limit
            """,
            new { action, limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }
}
