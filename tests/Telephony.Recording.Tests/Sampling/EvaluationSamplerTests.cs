using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Store;
using Telephony.Recording.Sampling;
using Telephony.Recording.Store;
using Telephony.TestKit.Postgres;

namespace Telephony.Recording.Tests.Sampling;

public sealed class EvaluationSamplerTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateOnly Week = new(2026, 11, 23);
    private readonly PostgresDatabase _database;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    public EvaluationSamplerTests(PostgresDatabase database)
    {
        _database = database;
    }

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync(AcdStoreSchema.Migrations);
        await _database.MigrateAsync(RecordingSchema.Migrations);
    }

    [Fact]
    public async Task Sampler_assigns_n_per_agent_plus_low_survey_calls_of_that_week_only()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var lowSurvey = await InsertCallAsync("1001", monday.AddHours(1), survey: 1);
        var midSurvey = await InsertCallAsync("1001", monday.AddHours(2), survey: 3);
        for (var i = 0; i < 5; i++)
        {
            await InsertCallAsync("1001", monday.AddDays(1).AddMinutes(i), survey: null);
            await InsertCallAsync("1002", monday.AddDays(2).AddMinutes(i), survey: 5);
        }

        var previousWeek = await InsertCallAsync("1001", monday.AddDays(-1), survey: 2);

        var sampler = new EvaluationSampler(_database.DataSource, _time);
        var plan = await sampler.AssignWeekAsync(Week, ["qa1", "qa2"], perAgent: 2, seed: 11, CancellationToken.None);
        var again = await sampler.AssignWeekAsync(Week, ["qa1", "qa2"], perAgent: 2, seed: 11, CancellationToken.None);

        Assert.Equal(5, plan.Count);
        Assert.Contains(plan, a => a.RecordingId == lowSurvey && a.Reason == SamplingReason.LowSurvey);
        Assert.DoesNotContain(plan, a => a.RecordingId == previousWeek);
        Assert.Equal(2, plan.Count(a => a.AgentId == "1002"));
        Assert.Equal(2, plan.Count(a => a.AgentId == "1001" && a.Reason == SamplingReason.Random));
        Assert.Equal(plan, again);
        await using var count = _database.DataSource.CreateCommand("SELECT count(*) FROM evaluation_assignments WHERE week_start = '2026-11-23'");
        Assert.Equal(5L, await count.ExecuteScalarAsync());
        Assert.NotEqual(Guid.Empty, midSurvey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> InsertCallAsync(string agent, DateTimeOffset at, int? survey)
    {
        var callId = Guid.NewGuid();
        await using (var insert = _database.DataSource.CreateCommand(
            "INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, ended_at, agent_id, queue_id, language, outcome, survey_score) " +
            "VALUES ($1, 'sip', 'h', '+994500000000', '100', $2, $2, $3, 'transfers', 'az', 'answered', $4)"))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = callId });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = at.UtcDateTime });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = agent });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = (object?)(short?)survey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
            await insert.ExecuteNonQueryAsync();
        }

        var recordingId = Guid.NewGuid();
        await new RecordingStore(_database.DataSource).InsertAsync(new RecordingRow
        {
            Id = recordingId,
            CallId = callId,
            Kind = RecordingKind.Conversation,
            HostId = "h",
            AgentId = agent,
            QueueId = "transfers",
            Language = "az",
            StartedAt = at,
            Path = "recordings/" + recordingId + ".wav",
            Status = RecordingStatus.Complete,
        }, CancellationToken.None);
        return recordingId;
    }
}
