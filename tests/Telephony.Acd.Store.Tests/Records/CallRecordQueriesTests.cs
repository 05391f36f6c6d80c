using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Agents;
using Telephony.Acd.Store.Configuration;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Records;

public sealed class CallRecordQueriesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private readonly List<CallRecord> _calls = [];

    private CallRecordQueries Queries => new(database.DataSource);

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await new AcdConfigurationStore(database.DataSource).SaveAgentAsync(new Agent("agent-7", "1007", "Seven", []), null, true, CancellationToken.None);
        var spoolRoot = Directory.CreateTempSubdirectory("acd-spool-").FullName;
        using var metrics = new DataMetrics();
        await using (var writer = new CallRecordWriter(database.DataSource, spoolRoot, new FakeTimeProvider(Day), metrics, NullLogger<CallRecordWriter>.Instance))
        {
            writer.Start();
            for (var hour = 8; hour <= 12; hour++)
            {
                // Fixed ids: every test seeds the same rows into the class's database and the writer keeps the first copy.
                var call = CallRecordWriterTests.FullRecord(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-7000-8000-0000000000{hour:D2}"))) with
                {
                    Caller = hour % 2 == 0 ? "0551112233" : "0507778899",
                    StartedAt = Day.AddHours(hour),
                    EndedAt = Day.AddHours(hour).AddMinutes(4),
                    AgentId = "agent-7",
                    Outcome = hour == 10 ? CallOutcome.Abandoned : CallOutcome.Answered,
                    Disposition = $"d{hour}",
                };
                _calls.Add(call);
                writer.Write(call);
            }

            await writer.StopAsync(CancellationToken.None);
        }

        Directory.Delete(spoolRoot, recursive: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Since_returns_calls_from_that_time_newest_first_in_the_api_shape()
    {
        var calls = await Queries.SinceAsync(Day.AddHours(10), 100, CancellationToken.None);

        Assert.Equal([12, 11, 10], calls.Select(c => c.StartedAt.Hour));
        var newest = calls[0];
        var source = _calls[^1];
        Assert.Equal(
            new CallSummary(source.Id, source.SipCallId, "0551112233", Day.AddHours(12), "az", newest.IvrPath, "transfers", "1007", 22.0, 180.5, "answered", source.RecordingId, "edu-hotline", 3),
            newest);
        Assert.Equal(["welcome", "language", "topics", "queueTransfers"], newest.IvrPath);
        Assert.Equal("abandoned", calls[2].Outcome);
    }

    [Fact]
    public async Task Since_honours_the_limit_keeping_the_newest()
    {
        var calls = await Queries.SinceAsync(Day, 2, CancellationToken.None);

        Assert.Equal([12, 11], calls.Select(c => c.StartedAt.Hour));
    }

    [Fact]
    public async Task CallerHistory_lists_only_that_callers_calls_newest_first()
    {
        var history = await Queries.CallerHistoryAsync("0551112233", 10, CancellationToken.None);

        Assert.Equal([12, 10, 8], history.Select(c => c.StartedAt.Hour));
        Assert.Equal(["answered", "abandoned", "answered"], history.Select(c => c.Outcome));
        Assert.Equal(("d12", "transfers", "transfers", "1007", 180.5), (history[0].Disposition, history[0].Topic, history[0].Queue, history[0].Agent, history[0].TalkSeconds));
        Assert.Single(await Queries.CallerHistoryAsync("0551112233", 1, CancellationToken.None));
        Assert.Empty(await Queries.CallerHistoryAsync("0000000000", 10, CancellationToken.None));
    }
}
