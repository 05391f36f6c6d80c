using Npgsql;

namespace Telephony.Recording.Scoring;

/// <summary>
/// Versioned scorecard forms in <c>scorecard_versions</c>. Editing a form edits its draft; when the latest version is
/// published, saving creates the next version as a draft. Published versions are refused here
/// (<see cref="ScorecardPublishedException"/>) and by a database trigger, so evaluations always refer to what they were scored on.
/// </summary>
public sealed class ScorecardStore
{
    private const string Columns = "form_id, version, name, definition::text, created_at, published_at";
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public ScorecardStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
    }

    /// <summary>Saves <paramref name="definition"/> as the form's draft: the open draft is replaced, or a new version starts.</summary>
    public async Task<ScorecardVersion> SaveDraftAsync(string formId, string name, ScorecardDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formId);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        var latest = await GetLatestAsync(formId, cancellationToken);
        if (latest is { IsPublished: false })
        {
            return await UpdateDraftAsync(formId, latest.Version, name, definition, cancellationToken);
        }

        var version = new ScorecardVersion(formId, (latest?.Version ?? 0) + 1, name, definition, _timeProvider.GetUtcNow(), null);
        await ExecuteAsync(
            "INSERT INTO scorecard_versions (form_id, version, name, definition, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)",
            cancellationToken,
            formId,
            version.Version,
            name,
            ScorecardJson.Write(definition),
            version.CreatedAt.UtcDateTime);
        return version;
    }

    /// <summary>Changes a draft version; a published one throws <see cref="ScorecardPublishedException"/>.</summary>
    public async Task<ScorecardVersion> UpdateDraftAsync(string formId, int version, string name, ScorecardDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        var existing = await GetAsync(formId, version, cancellationToken) ?? throw new KeyNotFoundException($"No scorecard {formId} version {version}.");
        if (existing.IsPublished)
        {
            throw new ScorecardPublishedException($"Scorecard {formId} version {version} is published; save a new version instead.");
        }

        var changed = await ExecuteAsync(
            "UPDATE scorecard_versions SET name = $3, definition = $4::jsonb WHERE form_id = $1 AND version = $2 AND published_at IS NULL",
            cancellationToken,
            formId,
            version,
            name,
            ScorecardJson.Write(definition));
        if (changed == 0)
        {
            throw new ScorecardPublishedException($"Scorecard {formId} version {version} was published meanwhile.");
        }

        return existing with { Name = name, Definition = definition };
    }

    /// <summary>Publishes a draft; from now on it is immutable and evaluations may use it.</summary>
    public async Task<ScorecardVersion> PublishAsync(string formId, int version, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var changed = await ExecuteAsync(
            "UPDATE scorecard_versions SET published_at = $3 WHERE form_id = $1 AND version = $2 AND published_at IS NULL",
            cancellationToken,
            formId,
            version,
            now.UtcDateTime);
        if (changed == 0)
        {
            throw await GetAsync(formId, version, cancellationToken) is null
                ? new KeyNotFoundException($"No scorecard {formId} version {version}.")
                : new ScorecardPublishedException($"Scorecard {formId} version {version} is already published.");
        }

        return (await GetAsync(formId, version, cancellationToken))!;
    }

    public async Task<ScorecardVersion?> GetAsync(string formId, int version, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM scorecard_versions WHERE form_id = $1 AND version = $2", cancellationToken, formId, version)).FirstOrDefault();

    public async Task<ScorecardVersion?> GetLatestAsync(string formId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM scorecard_versions WHERE form_id = $1 ORDER BY version DESC LIMIT 1", cancellationToken, formId)).FirstOrDefault();

    public async Task<ScorecardVersion?> GetLatestPublishedAsync(string formId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM scorecard_versions WHERE form_id = $1 AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1",
            cancellationToken,
            formId)).FirstOrDefault();

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ScorecardVersion>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ScorecardVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ScorecardVersion(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                ScorecardJson.Read<ScorecardDefinition>(reader.GetString(3)),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                reader.IsDBNull(5) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc))));
        }

        return list;
    }
}
