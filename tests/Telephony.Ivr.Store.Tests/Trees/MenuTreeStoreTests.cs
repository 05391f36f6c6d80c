using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;
using Telephony.Ivr.Store.Trees;
using Telephony.Ivr.Validation;
using Telephony.TestKit.Postgres;

namespace Telephony.Ivr.Store.Tests.Trees;

/// <summary>Drafts, publishing, versions, rollback and the version in force, against real PostgreSQL.</summary>
public sealed class MenuTreeStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly MenuTreeValidationContext _context = DemoHotline.ValidationContext();

    private MenuTreeStore Store => new(database.DataSource, _time, NullLogger<MenuTreeStore>.Instance);

    public async Task InitializeAsync() => await database.MigrateAsync(IvrStoreSchema.Migrations);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publish_of_a_valid_draft_creates_version_1_in_force()
    {
        var store = Store;
        Assert.Equal(TreeChangeOutcome.Done, (await store.SaveDraftAsync(TestTrees.Demo("first"), "admin", _context, default)).Outcome);

        var result = await store.PublishAsync("first", "admin", _context, null, default);
        var published = await store.GetPublishedAsync("first", default);

        Assert.Equal(1, result.Version);
        Assert.NotNull(published);
        Assert.Equal(1, published.Version);
        Assert.Equal(1, published.Tree.Version);
        Assert.Equal(TestTrees.Demo("first").Nodes.Keys.Order(), published.Tree.Nodes.Keys.Order());
    }

    [Fact]
    public async Task SaveDraft_of_a_bad_tree_returns_the_faults_and_keeps_the_old_draft()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("guarded"), "admin", _context, default);

        var result = await store.SaveDraftAsync(TestTrees.Broken(TestTrees.Demo("guarded")), "admin", _context, default);
        var draft = await store.GetDraftAsync("guarded", default);

        Assert.Equal(TreeChangeOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Faults, f => f.Kind == FaultKind.MissingPrompt && f.NodeId == "greeting" && f.Language == Language.Ru);
        Assert.Contains(result.Faults, f => f.Kind == FaultKind.MissingTarget && f.NodeId == "greeting");
        Assert.NotNull(draft);
        Assert.Equal("language", ((PlayMessageNode)draft.Tree.Nodes["greeting"]).Next);
    }

    [Fact]
    public async Task SaveDraft_of_a_bad_new_tree_creates_nothing()
    {
        var store = Store;

        var result = await store.SaveDraftAsync(TestTrees.Broken(TestTrees.Demo("neverSaved")), "admin", _context, default);

        Assert.Equal(TreeChangeOutcome.Invalid, result.Outcome);
        Assert.Null(await store.GetDraftAsync("neverSaved", default));
        Assert.DoesNotContain("neverSaved", await store.ListTreeIdsAsync(default));
    }

    [Fact]
    public async Task Publish_refused_by_the_current_context_leaves_the_version_in_force()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("contextChange"), "admin", _context, default);
        await store.PublishAsync("contextChange", "admin", _context, null, default);
        var withoutGeneralQueue = _context with { Queues = [.. _context.Queues.Where(q => q != "general")] };

        var result = await store.PublishAsync("contextChange", "admin", withoutGeneralQueue, null, default);

        Assert.Equal(TreeChangeOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Faults, f => f.Kind == FaultKind.UnknownQueue);
        Assert.Equal(1, (await store.GetPublishedAsync("contextChange", default))!.Version);
        Assert.Single(await store.ListVersionsAsync("contextChange", default));
    }

    [Fact]
    public async Task Publish_whose_prompt_rendering_fails_creates_no_version()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("renderFails"), "admin", _context, default);

        await Assert.ThrowsAsync<IOException>(() => store.PublishAsync(
            "renderFails", "admin", _context, (_, _) => throw new IOException("espeak-ng is missing"), default));

        Assert.Null(await store.GetPublishedAsync("renderFails", default));
        Assert.Empty(await store.ListVersionsAsync("renderFails", default));
    }

    [Fact]
    public async Task Rollback_publishes_the_earlier_document_as_a_new_version_and_makes_it_the_draft()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("rolled"), "admin", _context, default);
        await store.PublishAsync("rolled", "admin", _context, null, default);
        await store.SaveDraftAsync(TestTrees.WithInfoOption(TestTrees.Demo("rolled")), "editor", _context, default);
        await store.PublishAsync("rolled", "editor", _context, null, default);
        _time.Advance(TimeSpan.FromMinutes(5));

        var result = await store.RollbackAsync("rolled", 1, "admin", _context, null, default);
        var published = await store.GetPublishedAsync("rolled", default);
        var versions = await store.ListVersionsAsync("rolled", default);
        var draft = await store.GetDraftAsync("rolled", default);

        Assert.Equal(3, result.Version);
        Assert.Equal(3, published!.Version);
        Assert.DoesNotContain("info", published.Tree.Nodes.Keys);
        Assert.True((await store.DiffAsync("rolled", 1, 3, default))!.IsEmpty);
        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal([true, false, false], versions.Select(v => v.InForce));
        Assert.Equal(1, versions[0].RolledBackFrom);
        Assert.Equal(_time.GetUtcNow(), versions[0].PublishedAt);
        Assert.DoesNotContain("info", draft!.Tree.Nodes.Keys);
    }

    [Fact]
    public async Task Rollback_to_a_version_that_does_not_exist_is_not_found_and_changes_nothing()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("noSuchVersion"), "admin", _context, default);
        await store.PublishAsync("noSuchVersion", "admin", _context, null, default);

        var result = await store.RollbackAsync("noSuchVersion", 7, "admin", _context, null, default);

        Assert.Equal(TreeChangeOutcome.NotFound, result.Outcome);
        Assert.Equal(1, (await store.GetPublishedAsync("noSuchVersion", default))!.Version);
    }

    [Fact]
    public async Task Call_keeps_the_tree_it_started_with_while_a_new_version_is_published()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("held"), "admin", _context, default);
        await store.PublishAsync("held", "admin", _context, null, default);
        var heldByCall = await store.GetPublishedAsync("held", default);

        await store.SaveDraftAsync(TestTrees.WithInfoOption(TestTrees.Demo("held")), "admin", _context, default);
        await store.PublishAsync("held", "admin", _context, null, default);
        var newCall = await store.GetPublishedAsync("held", default);

        Assert.Equal(1, heldByCall!.Version);
        Assert.DoesNotContain("info", heldByCall.Tree.Nodes.Keys);
        Assert.Equal(2, newCall!.Version);
        Assert.Contains("info", newCall.Tree.Nodes.Keys);
    }

    [Fact]
    public async Task Version_in_force_is_parsed_once_per_store_and_a_publish_through_another_store_reaches_the_next_call()
    {
        var host = Store;
        var otherHost = Store;
        await host.SaveDraftAsync(TestTrees.Demo("cached"), "admin", _context, default);
        await host.PublishAsync("cached", "admin", _context, null, default);

        var first = await host.GetPublishedAsync("cached", default);
        var second = await host.GetPublishedAsync("cached", default);
        await otherHost.SaveDraftAsync(TestTrees.WithInfoOption(TestTrees.Demo("cached")), "admin", _context, default);
        await otherHost.PublishAsync("cached", "admin", _context, null, default);
        var afterPublish = await host.GetPublishedAsync("cached", default);

        Assert.Same(first, second);
        Assert.Equal(2, afterPublish!.Version);
        Assert.Contains("info", afterPublish.Tree.Nodes.Keys);
        Assert.DoesNotContain("info", first!.Tree.Nodes.Keys);
    }

    [Fact]
    public async Task Calls_starting_while_a_read_of_the_version_in_force_is_on_its_way_share_that_one_read()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("shared"), "admin", _context, default);
        await store.PublishAsync("shared", "admin", _context, null, default);

        // Another session holds the heads table, so the read that starts now waits in the server until it lets go.
        await using var blocker = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await HoldHeadsTableAsync(blocker);

        var calls = Enumerable.Range(0, 20).Select(_ => store.GetPublishedAsync("shared", default)).ToList();
        Assert.Equal(1, await WaitForReadsWaitingOnLockAsync(atLeast: 1));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, await ReadsWaitingOnLockAsync());
        await transaction.CommitAsync();
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.Same(answers[0], answer));
        Assert.Equal(1, answers[0]!.Version);
    }

    [Fact]
    public async Task Shared_read_that_fails_fails_every_call_waiting_on_it_and_the_next_call_reads_afresh()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("sharedFault"), "admin", _context, default);
        await store.PublishAsync("sharedFault", "admin", _context, null, default);
        await using var blocker = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await HoldHeadsTableAsync(blocker);

        var calls = Enumerable.Range(0, 5).Select(_ => store.GetPublishedAsync("sharedFault", default)).ToList();
        Assert.Equal(1, await WaitForReadsWaitingOnLockAsync(atLeast: 1));
        await using (var cancel = new Npgsql.NpgsqlCommand(
            "SELECT pg_cancel_backend(pid) " + ReadsWaitingOnLock,
            blocker, transaction))
        {
            await cancel.ExecuteNonQueryAsync();
        }

        foreach (var call in calls)
        {
            Assert.Equal("57014", (await Assert.ThrowsAsync<Npgsql.PostgresException>(() => call)).SqlState);
        }

        await transaction.CommitAsync();
        Assert.Equal(1, (await store.GetPublishedAsync("sharedFault", default))!.Version);
    }

    /// <summary>The server sessions whose read of the version in force waits on the heads table's lock.</summary>
    private const string ReadsWaitingOnLock = "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%in_force_version%'";

    private static async Task<Npgsql.NpgsqlTransaction> HoldHeadsTableAsync(Npgsql.NpgsqlConnection blocker)
    {
        var transaction = await blocker.BeginTransactionAsync();
        await using var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE ivr_menu_tree_heads IN ACCESS EXCLUSIVE MODE", blocker, transaction);
        await lockTable.ExecuteNonQueryAsync();
        return transaction;
    }

    private async Task<long> WaitForReadsWaitingOnLockAsync(int atLeast)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var waiting = await ReadsWaitingOnLockAsync();
            if (waiting >= atLeast)
            {
                return waiting;
            }

            await Task.Delay(50);
        }

        return await ReadsWaitingOnLockAsync();
    }

    private async Task<long> ReadsWaitingOnLockAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand(
            "SELECT count(*) " + ReadsWaitingOnLock,
            connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Concurrent_publishes_are_serialised_into_consecutive_versions()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("busy"), "admin", _context, default);
        var inside = 0;
        var overlapped = false;

        async Task Render(MenuTree tree, CancellationToken cancellationToken)
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            await Task.Delay(50, cancellationToken);
            Interlocked.Decrement(ref inside);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PublishAsync("busy", "admin", _context, Render, default))));
        var versions = await store.ListVersionsAsync("busy", default);

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Version!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 8).Reverse(), versions.Select(v => v.Version));
        Assert.Equal(8, (await store.GetPublishedAsync("busy", default))!.Version);
        Assert.Single(versions, v => v.InForce);
    }

    [Fact]
    public async Task Diff_between_versions_names_the_added_node_and_the_changed_menu_options()
    {
        var store = Store;
        await store.SaveDraftAsync(TestTrees.Demo("diffed"), "admin", _context, default);
        await store.PublishAsync("diffed", "admin", _context, null, default);
        await store.SaveDraftAsync(TestTrees.WithInfoOption(TestTrees.Demo("diffed")), "admin", _context, default);
        await store.PublishAsync("diffed", "admin", _context, null, default);

        var diff = await store.DiffAsync("diffed", 1, 2, default);

        Assert.NotNull(diff);
        Assert.Equal(["info"], diff.AddedNodes);
        Assert.Empty(diff.RemovedNodes);
        var topics = Assert.Single(diff.ChangedNodes);
        Assert.Equal("topics", topics.NodeId);
        Assert.Equal("options", Assert.Single(topics.Fields).Field);
        Assert.Empty(diff.Settings);
        Assert.Null(await store.DiffAsync("diffed", 1, 9, default));
    }
}
