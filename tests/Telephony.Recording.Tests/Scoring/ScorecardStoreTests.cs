using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Telephony.Recording.Evaluations;
using Telephony.Recording.Scoring;
using Telephony.Recording.Store;
using Telephony.TestKit.Postgres;

namespace Telephony.Recording.Tests.Scoring;

public sealed class ScorecardStoreTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly ScorecardDefinition FirstDraft = new([new ScorecardSection("Opening", [
        new ScorecardCriterion("greeting", "Greets", 2, AnswerType.YesNo, false),
        new ScorecardCriterion("answer", "Correct answer", 5, AnswerType.YesNo, true),
        new ScorecardCriterion("tone", "Tone", 3, AnswerType.Scale, false)])]);

    private readonly PostgresDatabase _database;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private ScorecardStore _scorecards = null!;
    private EvaluationStore _evaluations = null!;

    public ScorecardStoreTests(PostgresDatabase database)
    {
        _database = database;
    }

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync(RecordingSchema.Migrations);
        _scorecards = new ScorecardStore(_database.DataSource, _time);
        _evaluations = new EvaluationStore(_database.DataSource, _scorecards, _time);
    }

    [Fact]
    public async Task Scorecard_published_version_is_refused_in_code_and_a_change_makes_a_new_version()
    {
        var form = NewFormId();
        var draft = await _scorecards.SaveDraftAsync(form, "Hotline QA", FirstDraft, CancellationToken.None);
        await _scorecards.PublishAsync(form, draft.Version, CancellationToken.None);

        await Assert.ThrowsAsync<ScorecardPublishedException>(() => _scorecards.UpdateDraftAsync(form, 1, "Renamed", FirstDraft, CancellationToken.None));
        var changed = await _scorecards.SaveDraftAsync(form, "Hotline QA v2", FirstDraft with { Sections = [.. FirstDraft.Sections.Take(1)] }, CancellationToken.None);

        Assert.Equal(2, changed.Version);
        Assert.False(changed.IsPublished);
        var original = (await _scorecards.GetAsync(form, 1, CancellationToken.None))!;
        Assert.Equal("Hotline QA", original.Name);
        Assert.Equal(3, original.Definition.Criteria.Count());
    }

    [Fact]
    public async Task Scorecard_published_version_is_refused_by_the_database_trigger()
    {
        var form = NewFormId();
        await _scorecards.SaveDraftAsync(form, "Hotline QA", FirstDraft, CancellationToken.None);
        await _scorecards.PublishAsync(form, 1, CancellationToken.None);

        await using var update = _database.DataSource.CreateCommand($"UPDATE scorecard_versions SET name = 'hacked' WHERE form_id = '{form}'");
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("published", error.MessageText, StringComparison.Ordinal);
        await using var delete = _database.DataSource.CreateCommand($"DELETE FROM scorecard_versions WHERE form_id = '{form}'");
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Scorecard_draft_is_edited_in_place()
    {
        var form = NewFormId();
        await _scorecards.SaveDraftAsync(form, "Draft", FirstDraft, CancellationToken.None);
        var again = await _scorecards.SaveDraftAsync(form, "Draft edited", FirstDraft, CancellationToken.None);

        Assert.Equal(1, again.Version);
        Assert.Equal("Draft edited", (await _scorecards.GetLatestAsync(form, CancellationToken.None))!.Name);
        Assert.Null(await _scorecards.GetLatestPublishedAsync(form, CancellationToken.None));
    }

    [Fact]
    public async Task Evaluation_submit_computes_score_then_dispute_and_resolution_follow_the_workflow()
    {
        var form = NewFormId();
        await _scorecards.SaveDraftAsync(form, "QA", FirstDraft, CancellationToken.None);
        await _scorecards.PublishAsync(form, 1, CancellationToken.None);
        var recording = await InsertRecordingAsync();
        var evaluation = await _evaluations.CreateDraftAsync(recording, form, 1, "qa1", CancellationToken.None);

        // greeting yes 2×1 + answer yes 5×1 + tone 3 → 0.5×3 = 1.5; 8.5 / 10 = 0.85
        await _evaluations.SaveAnswersAsync(evaluation.Id, new Dictionary<string, CriterionAnswer>
        {
            ["greeting"] = CriterionAnswer.Yes,
            ["answer"] = CriterionAnswer.Yes,
            ["tone"] = CriterionAnswer.OnScale(3),
        }, CancellationToken.None);
        var submitted = await _evaluations.SubmitAsync(evaluation.Id, CancellationToken.None);
        await _evaluations.AddCommentAsync(new EvaluationComment(evaluation.Id, 73_500, "qa1", "Long silence here", _time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(0.85, submitted.Score!.Value, 12);
        await Assert.ThrowsAsync<EvaluationTransitionException>(() => _evaluations.SaveAnswersAsync(evaluation.Id, new Dictionary<string, CriterionAnswer>(), CancellationToken.None));
        await Assert.ThrowsAsync<EvaluationTransitionException>(() => _evaluations.ResolveAsync(evaluation.Id, "sup1", "n/a", CancellationToken.None));
        await _evaluations.DisputeAsync(evaluation.Id, "The caller asked for that", CancellationToken.None);
        await _evaluations.ResolveAsync(evaluation.Id, "sup1", "Score stands", CancellationToken.None);

        var stored = (await _evaluations.GetAsync(evaluation.Id, CancellationToken.None))!;
        Assert.Equal(EvaluationStatus.Resolved, stored.Status);
        Assert.Equal("sup1", stored.ResolvedBy);
        Assert.Equal(CriterionAnswer.OnScale(3), stored.Answers["tone"]);
        Assert.Equal(73_500, Assert.Single(await _evaluations.ListCommentsAsync(evaluation.Id, CancellationToken.None)).AtMs);
    }

    [Fact]
    public async Task Evaluation_on_an_unpublished_form_is_refused_by_the_database()
    {
        var form = NewFormId();
        await _scorecards.SaveDraftAsync(form, "QA", FirstDraft, CancellationToken.None);
        var recording = await InsertRecordingAsync();
        await using var insert = _database.DataSource.CreateCommand(
            $"INSERT INTO evaluations (id, recording_id, form_id, form_version, evaluator_id, status, created_at, updated_at) VALUES (gen_random_uuid(), '{recording}', '{form}', 1, 'qa', 'draft', now(), now())");

        await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => _evaluations.CreateDraftAsync(recording, form, 1, "qa", CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewFormId() => "form-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> InsertRecordingAsync()
    {
        var id = Guid.NewGuid();
        await new RecordingStore(_database.DataSource).InsertAsync(new RecordingRow
        {
            Id = id,
            CallId = Guid.NewGuid(),
            Kind = RecordingKind.Conversation,
            HostId = "h",
            StartedAt = _time.GetUtcNow(),
            Path = "recordings/x.wav",
            Status = RecordingStatus.Complete,
        }, CancellationToken.None);
        return id;
    }
}
