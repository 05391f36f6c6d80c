using Npgsql;
using Telephony.Reports.Building;
using Telephony.Reports.Periods;

namespace Telephony.Reports.Storage;

/// <summary>
/// Generated reports in the <c>reports</c> and <c>report_files</c> tables; files are bytea so every host sharing the database
/// serves them without a shared disk. Saving a period that already has a report replaces it.
/// </summary>
public sealed class ReportStore(NpgsqlDataSource dataSource)
{
    public async Task<long> SaveAsync(ReportData report, IReadOnlyList<ReportFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM reports WHERE kind = $1 AND period_start = $2", connection, transaction))
        {
            delete.Parameters.Add(new() { Value = report.Period.KindName });
            delete.Parameters.Add(new() { Value = report.Period.Start });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reports (kind, period_start, period_end, time_zone, generated_at, generated_by)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.Add(new() { Value = report.Period.KindName });
            insert.Parameters.Add(new() { Value = report.Period.Start });
            insert.Parameters.Add(new() { Value = report.Period.End });
            insert.Parameters.Add(new() { Value = report.TimeZone });
            insert.Parameters.Add(new() { Value = report.GeneratedAt });
            insert.Parameters.Add(new() { Value = report.GeneratedBy });
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        foreach (var file in files)
        {
            await using var insertFile = new NpgsqlCommand(
                "INSERT INTO report_files (report_id, name, content_type, content) VALUES ($1, $2, $3, $4)", connection, transaction);
            insertFile.Parameters.Add(new() { Value = id });
            insertFile.Parameters.Add(new() { Value = file.Name });
            insertFile.Parameters.Add(new() { Value = file.ContentType });
            insertFile.Parameters.Add(new() { Value = file.Content });
            await insertFile.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Every report, newest period first.</summary>
    public async Task<IReadOnlyList<StoredReport>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.id, r.kind, r.period_start, r.period_end, r.time_zone, r.generated_at, r.generated_by,
                   coalesce(array_agg(f.name ORDER BY f.name) FILTER (WHERE f.name IS NOT NULL), '{}')
            FROM reports r LEFT JOIN report_files f ON f.report_id = r.id
            GROUP BY r.id
            ORDER BY r.period_start DESC, r.kind
            """);
        var reports = new List<StoredReport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(1);
            var start = await reader.GetFieldValueAsync<DateOnly>(2, cancellationToken);
            reports.Add(new StoredReport(
                reader.GetInt64(0),
                kind,
                ReportPeriod.For(ReportPeriod.ParseKind(kind), start).Label,
                start,
                await reader.GetFieldValueAsync<DateOnly>(3, cancellationToken),
                reader.GetString(4),
                await reader.GetFieldValueAsync<DateTimeOffset>(5, cancellationToken),
                reader.GetString(6),
                await reader.GetFieldValueAsync<string[]>(7, cancellationToken)));
        }

        return reports;
    }

    /// <summary>One file of one report, or null when there is no such report or file.</summary>
    public async Task<ReportFile?> GetFileAsync(long reportId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT content_type, content FROM report_files WHERE report_id = $1 AND name = $2");
        command.Parameters.Add(new() { Value = reportId });
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ReportFile(name, reader.GetString(0), await reader.GetFieldValueAsync<byte[]>(1, cancellationToken));
    }
}
