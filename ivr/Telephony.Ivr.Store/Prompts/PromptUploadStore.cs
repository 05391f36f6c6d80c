using Dapper;
using Npgsql;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Prompts;

/// <summary>
/// Uploaded recordings in the database, so every host of a cluster (and a restored backup) has them; each host copies
/// the ones its trees use into its prompt cache. Rows are addressed by content and never replaced.
/// </summary>
public sealed class PromptUploadStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task SaveAsync(PromptUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_prompt_uploads (sha256, tree_id, node_id, language, original_name, audio, duration_ms, uploaded_by, uploaded_at)
            VALUES (@Sha256, @TreeId, @NodeId, @language, @OriginalName, @audio, @DurationMilliseconds, @UploadedBy, @at)
            ON CONFLICT (sha256) DO NOTHING
            """,
            new
            {
                upload.Sha256, upload.TreeId, upload.NodeId, language = upload.Language.Code(), upload.OriginalName,
                audio = upload.Wav.ToArray(), upload.DurationMilliseconds, upload.UploadedBy, at = time.GetUtcNow(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The WAV of an upload by its SHA-256, or null.</summary>
    public async Task<byte[]?> GetWavAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT audio FROM ivr_prompt_uploads WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken));
    }
}
