using Dapper;
using Npgsql;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Prompts;

/// <summary>The index of the prompt cache: which file under DATA/prompts holds which synthesised text, for inspection and cleanup.</summary>
public sealed class RenderedPromptIndex(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task RecordAsync(
        string cacheKey, string provider, string voice, Language language, string text, string fileName, int durationMilliseconds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_rendered_prompts (cache_key, provider, voice, language, text, file_name, duration_ms, rendered_at)
            VALUES (@cacheKey, @provider, @voice, @language, @text, @fileName, @durationMilliseconds, @at)
            ON CONFLICT (cache_key) DO UPDATE SET file_name = excluded.file_name, duration_ms = excluded.duration_ms, rendered_at = excluded.rendered_at
            """,
            new { cacheKey, provider, voice, language = language.Code(), text, fileName, durationMilliseconds, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*)::int FROM ivr_rendered_prompts", cancellationToken: cancellationToken));
    }
}
