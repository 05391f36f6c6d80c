using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;
using Telephony.Ivr.Store.Diff;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Store.Trees;

/// <summary>
/// Menu trees in PostgreSQL: one draft per tree, immutable published versions, and the one version in force.
/// Every publish or rollback takes the tree's head row lock, so concurrent publishes of one tree run one after the other
/// and each gets the next version number; a refused tree changes nothing.
/// </summary>
public sealed class MenuTreeStore(NpgsqlDataSource dataSource, TimeProvider time, ILogger<MenuTreeStore> logger)
{
    /// <summary>The last version in force this store parsed, per tree (see <see cref="GetPublishedAsync"/>).</summary>
    private readonly ConcurrentDictionary<string, PublishedMenuTree> _inForce = new(StringComparer.Ordinal);

    /// <summary>The read of a tree's version in force that is on its way, per tree, shared by the calls that wait on it.</summary>
    private readonly ConcurrentDictionary<string, Task<PublishedMenuTree?>> _readsInFlight = new(StringComparer.Ordinal);

    /// <summary>Called with the validated tree (its final version number set) before it is put in force, inside the publish.</summary>
    public delegate Task BeforeInForce(MenuTree tree, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<string>> ListTreeIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tree_id FROM ivr_menu_tree_heads ORDER BY tree_id", cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task<MenuTreeDraft?> GetDraftAsync(string treeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT draft::text, draft_saved_by, draft_saved_at FROM ivr_menu_tree_heads WHERE tree_id = $1 AND draft IS NOT NULL", connection);
        command.Parameters.Add(new() { Value = treeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new MenuTreeDraft(IvrJson.ReadMenuTree(reader.GetString(0)), reader.GetString(1), await reader.GetFieldValueAsync<DateTimeOffset>(2, cancellationToken));
    }

    /// <summary>Replaces the tree's draft if the tree passes validation; otherwise returns the faults and saves nothing.</summary>
    public async Task<TreeChangeResult> SaveDraftAsync(MenuTree tree, string actor, MenuTreeValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var faults = new MenuTreeValidator(context).Validate(tree);
        if (faults.Count > 0)
        {
            IvrStoreLog.Refused(logger, tree.Id, faults.Count, faults[0].ToString());
            return TreeChangeResult.Invalid(faults);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_menu_tree_heads (tree_id, draft, draft_saved_by, draft_saved_at) VALUES (@id, @document::jsonb, @actor, @at)
            ON CONFLICT (tree_id) DO UPDATE SET draft = excluded.draft, draft_saved_by = excluded.draft_saved_by, draft_saved_at = excluded.draft_saved_at
            """,
            new { id = tree.Id, document = IvrJson.Write(tree), actor, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        IvrStoreLog.DraftSaved(logger, tree.Id, actor);
        return TreeChangeResult.Saved;
    }

    /// <summary>Validates the draft and publishes it as the next version, which is then in force.</summary>
    public async Task<TreeChangeResult> PublishAsync(
        string treeId, string actor, MenuTreeValidationContext context, BeforeInForce? beforeInForce, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var draft = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT draft::text FROM ivr_menu_tree_heads WHERE tree_id = @treeId FOR UPDATE",
            new { treeId }, transaction, cancellationToken: cancellationToken));
        if (draft is null)
        {
            return TreeChangeResult.NotFound;
        }

        var result = await PublishLockedAsync(connection, transaction, IvrJson.ReadMenuTree(draft), actor, null, context, beforeInForce, cancellationToken);
        if (result.Version is { } version)
        {
            IvrStoreLog.Published(logger, treeId, version, actor);
        }

        return result;
    }

    /// <summary>
    /// Publishes an earlier version's document as a new version (history is never rewritten) and makes it the draft too,
    /// so editing continues from what is in force. The document is validated again: a queue it names may be gone.
    /// </summary>
    public async Task<TreeChangeResult> RollbackAsync(
        string treeId, int version, string actor, MenuTreeValidationContext context, BeforeInForce? beforeInForce, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT tree_id FROM ivr_menu_tree_heads WHERE tree_id = @treeId FOR UPDATE",
            new { treeId }, transaction, cancellationToken: cancellationToken));
        var document = head is null ? null : await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT document::text FROM ivr_menu_trees WHERE tree_id = @treeId AND version = @version",
            new { treeId, version }, transaction, cancellationToken: cancellationToken));
        if (document is null)
        {
            return TreeChangeResult.NotFound;
        }

        var result = await PublishLockedAsync(connection, transaction, IvrJson.ReadMenuTree(document), actor, version, context, beforeInForce, cancellationToken);
        if (result.Version is { } created)
        {
            IvrStoreLog.RolledBack(logger, treeId, version, created, actor);
        }

        return result;
    }

    public async Task<IReadOnlyList<MenuTreeVersion>> ListVersionsAsync(string treeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT t.version, t.created_by, t.created_at, t.published_at, t.published_by, t.rolled_back_from, h.in_force_version = t.version
            FROM ivr_menu_trees t JOIN ivr_menu_tree_heads h ON h.tree_id = t.tree_id
            WHERE t.tree_id = $1 ORDER BY t.version DESC
            """, connection);
        command.Parameters.Add(new() { Value = treeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<MenuTreeVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new MenuTreeVersion
            {
                TreeId = treeId,
                Version = reader.GetInt32(0),
                CreatedBy = reader.GetString(1),
                CreatedAt = await reader.GetFieldValueAsync<DateTimeOffset>(2, cancellationToken),
                PublishedAt = await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken),
                PublishedBy = reader.GetString(4),
                RolledBackFrom = await reader.IsDBNullAsync(5, cancellationToken) ? null : reader.GetInt32(5),
                InForce = !await reader.IsDBNullAsync(6, cancellationToken) && reader.GetBoolean(6),
            });
        }

        return versions;
    }

    public async Task<MenuTree?> GetVersionAsync(string treeId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var document = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT document::text FROM ivr_menu_trees WHERE tree_id = @treeId AND version = @version",
            new { treeId, version }, cancellationToken: cancellationToken));
        return document is null ? null : IvrJson.ReadMenuTree(document);
    }

    /// <summary>What changed from one version to another; null when either version does not exist.</summary>
    public async Task<MenuTreeDiff?> DiffAsync(string treeId, int fromVersion, int toVersion, CancellationToken cancellationToken)
    {
        var from = await GetVersionAsync(treeId, fromVersion, cancellationToken);
        var to = await GetVersionAsync(treeId, toVersion, cancellationToken);
        return from is null || to is null ? null : MenuTreeDiffer.Compare(from, to);
    }

    /// <summary>
    /// The version in force and its tree, for a call to hold on to from its start to its end. A round trip reads the
    /// version in force; the document comes back (and is parsed) only when that version is not the one this store last
    /// parsed, so a call start does not allocate a whole tree. Versions are immutable rows, so a parsed version stays
    /// right for as long as it is in force, and a publish on another host is seen by the next call here. Calls that
    /// start while a read of the same tree is on its way share its answer (they began as it did, so it is as current
    /// for them): at hundreds of new calls a second that is one round trip per query time, not one per call.
    /// </summary>
    public Task<PublishedMenuTree?> GetPublishedAsync(string treeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(treeId);
        while (true)
        {
            if (_readsInFlight.TryGetValue(treeId, out var running))
            {
                return running.WaitAsync(cancellationToken);
            }

            var read = new TaskCompletionSource<PublishedMenuTree?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_readsInFlight.TryAdd(treeId, read.Task))
            {
                _ = ReadSharedAsync(treeId, read);
                return read.Task.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// One read for every call waiting on it; not cancelled by any one of them leaving. It leaves the in-flight table
    /// before it completes, so a call arriving after the answer starts a fresh read.
    /// </summary>
    private async Task ReadSharedAsync(string treeId, TaskCompletionSource<PublishedMenuTree?> read)
    {
        var reading = ReadPublishedAsync(treeId, CancellationToken.None);
        await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // its outcome, fault or answer, is handed on below
        _readsInFlight.TryRemove(new KeyValuePair<string, Task<PublishedMenuTree?>>(treeId, read.Task));
        read.SetFromTask(reading);
    }

    private async Task<PublishedMenuTree?> ReadPublishedAsync(string treeId, CancellationToken cancellationToken)
    {
        _inForce.TryGetValue(treeId, out var known);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT t.version, CASE WHEN t.version = $2 THEN NULL ELSE t.document::text END FROM ivr_menu_tree_heads h
            JOIN ivr_menu_trees t ON t.tree_id = h.tree_id AND t.version = h.in_force_version
            WHERE h.tree_id = $1
            """, connection);
        command.Parameters.Add(new() { Value = treeId });
        command.Parameters.Add(new() { Value = known?.Version ?? 0 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var version = reader.GetInt32(0);
        if (known is not null && known.Version == version)
        {
            return known;
        }

        var published = new PublishedMenuTree(version, IvrJson.ReadMenuTree(reader.GetString(1)));
        _inForce[treeId] = published;
        return published;
    }

    private async Task<TreeChangeResult> PublishLockedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        MenuTree tree,
        string actor,
        int? rolledBackFrom,
        MenuTreeValidationContext context,
        BeforeInForce? beforeInForce,
        CancellationToken cancellationToken)
    {
        var faults = new MenuTreeValidator(context).Validate(tree);
        if (faults.Count > 0)
        {
            IvrStoreLog.Refused(logger, tree.Id, faults.Count, faults[0].ToString());
            return TreeChangeResult.Invalid(faults);
        }

        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM ivr_menu_trees WHERE tree_id = @id",
            new { id = tree.Id }, transaction, cancellationToken: cancellationToken));
        var published = tree with { Version = version };
        if (beforeInForce is not null)
        {
            await beforeInForce(published, cancellationToken);
        }

        var document = IvrJson.Write(published);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ivr_menu_trees (tree_id, version, document, created_by, created_at, published_at, published_by, rolled_back_from)
            VALUES (@id, @version, @document::jsonb, @actor, @now, @now, @actor, @rolledBackFrom)
            """,
            new { id = tree.Id, version, document, actor, now, rolledBackFrom }, transaction, cancellationToken: cancellationToken));
        var restoreDraft = rolledBackFrom is not null;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ivr_menu_tree_heads SET in_force_version = @version,
                draft = CASE WHEN @restoreDraft THEN @document::jsonb ELSE draft END,
                draft_saved_by = CASE WHEN @restoreDraft THEN @actor ELSE draft_saved_by END,
                draft_saved_at = CASE WHEN @restoreDraft THEN @now ELSE draft_saved_at END
            WHERE tree_id = @id
            """,
            new { id = tree.Id, version, document, actor, now, restoreDraft }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TreeChangeResult.Published(version);
    }
}
