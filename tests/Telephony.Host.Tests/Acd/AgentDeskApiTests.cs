using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Acd;

/// <summary>
/// The agent desktop's and the supervisor page's API against the running demo server: who may read whose desk, the
/// wrap-up stored on the agent's own call record only, and the live streams.
/// </summary>
public sealed class AgentDeskApiTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A finished, answered call of <paramref name="agent"/> from <paramref name="caller"/> in the call records.</summary>
    private async Task<Guid> SeedAnsweredCallAsync(string agent, string caller, string queue, DateTimeOffset startedAt)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, ended_at, language, topic, queue_id, queued_at,
                agent_id, agent_answered_at, wait_ms, talk_ms, outcome)
            VALUES ($1, $2, 'test', $3, '100', $4, $4 + interval '2 minutes', 'ru', $5, $5, $4, $6, $4 + interval '5 seconds', 5000, 100000, 'answered')
            """, connection);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = "desk-" + id });
        command.Parameters.Add(new() { Value = caller });
        command.Parameters.Add(new() { Value = startedAt });
        command.Parameters.Add(new() { Value = queue });
        command.Parameters.Add(new() { Value = agent });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<(string? Disposition, string? Notes)> WrapUpOfAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT disposition, notes FROM call_records WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (await reader.IsDBNullAsync(0) ? null : reader.GetString(0), await reader.IsDBNullAsync(1) ? null : reader.GetString(1));
    }

    [Fact]
    public async Task Own_desk_agent_sees_their_extension_status_and_state()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.GetAsync(Relative("api/agents/me/desk"));
        var desk = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1002", desk.GetProperty("extension").GetString());
        Assert.Contains(desk.GetProperty("status").GetString(), new[] { "available", "break", "loggedOut" });
        Assert.Equal("idle", desk.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, desk.GetProperty("call").ValueKind);
    }

    [Fact]
    public async Task Desk_agent_reading_another_agents_desk_is_403()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.GetAsync(Relative("api/agents/1004/desk"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Desk_supervisor_reads_any_agents_desk()
    {
        using var supervisor = demo.ClientFor("supervisor");

        using var response = await supervisor.GetAsync(Relative("api/agents/1004/desk"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1004", (await JsonAsync(response)).GetProperty("extension").GetString());
    }

    [Theory]
    [InlineData("api/agents/me/desk")]
    [InlineData("api/agents/me/events")]
    [InlineData("api/agents/1002/desk")]
    [InlineData("api/supervisor/live")]
    [InlineData("api/supervisor/events")]
    public async Task Desk_and_supervision_without_credentials_are_401(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = demo.Host.Http.BaseAddress };

        using var response = await anonymous.GetAsync(Relative(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("supervisor", "api/agents/me/desk")]
    [InlineData("qa", "api/agents/me/events")]
    [InlineData("agent1002", "api/supervisor/live")]
    [InlineData("agent1002", "api/supervisor/events")]
    public async Task Desk_is_for_agents_and_supervision_for_supervisors_others_get_403(string user, string path)
    {
        using var client = demo.ClientFor(user);

        using var response = await client.GetAsync(Relative(path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Wrap_up_on_another_agents_extension_is_403()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.PostAsJsonAsync(Relative("api/agents/1003/wrap-up"), new { callId = Guid.NewGuid(), disposition = "resolved" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Wrap_up_with_an_unknown_disposition_is_400()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.PostAsJsonAsync(Relative("api/agents/1002/wrap-up"), new { callId = Guid.NewGuid(), disposition = "solved-it" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrap_up_is_stored_on_the_agents_own_call_and_refused_on_another_agents_call()
    {
        var call = await SeedAnsweredCallAsync("1003", "0507770001", "transfers", DateTimeOffset.UtcNow.AddMinutes(-10));
        using var owner = demo.ClientFor("agent1003");
        using var other = demo.ClientFor("agent1002");

        using var refused = await other.PostAsJsonAsync(Relative("api/agents/1002/wrap-up"), new { callId = call, disposition = "other", notes = "not mine" });
        var afterRefused = await WrapUpOfAsync(call);
        using var stored = await owner.PostAsJsonAsync(Relative("api/agents/1003/wrap-up"), new { callId = call, disposition = "information-given", notes = "explained the documents" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(afterRefused.Disposition);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.False((await JsonAsync(stored)).GetProperty("endedEarly").GetBoolean());
        Assert.Equal(("information-given", "explained the documents"), await WrapUpOfAsync(call));
    }

    [Fact]
    public async Task Supervisor_live_counts_todays_calls_per_queue()
    {
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-30) < today ? today : DateTimeOffset.UtcNow.AddSeconds(-30);
        await SeedAnsweredCallAsync("1001", "0507770002", "employment", startedAt);
        await SeedAnsweredCallAsync("1001", "0507770003", "employment", startedAt);
        using var supervisor = demo.ClientFor("supervisor");

        using var response = await supervisor.GetAsync(Relative("api/supervisor/live?since=" + Uri.EscapeDataString(today.ToString("O"))));
        var live = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(live.GetProperty("countsAvailable").GetBoolean());
        var employment = live.GetProperty("today").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "employment");
        Assert.True(employment.GetProperty("answered").GetInt32() >= 2, employment.GetRawText());
        Assert.Equal(100.0, employment.GetProperty("serviceLevelPercent").GetDouble());
        Assert.Equal(4, live.GetProperty("agents").GetArrayLength());
    }

    [Fact]
    public async Task Agent_event_stream_pushes_the_desk_at_once_and_again_when_the_status_changes()
    {
        using var agent = demo.ClientFor("agent1004");
        using var response = await agent.GetAsync(Relative("api/agents/me/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextEventAsync(reader, "desk");
        using var changed = await agent.PutAsJsonAsync(Relative("api/agents/1004/status"), new { status = "break", reason = "training" });
        var second = await NextEventAsync(reader, "desk", e => e.GetProperty("status").GetString() == "break");
        using var back = await agent.PutAsJsonAsync(Relative("api/agents/1004/status"), new { status = "available" });

        Assert.Equal("1004", first.GetProperty("extension").GetString());
        Assert.Equal("training", second.GetProperty("breakReason").GetString());
    }

    /// <summary>Reads server-sent events until one of <paramref name="type"/> whose data matches; fails after 10 s.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader reader, string type, Func<JsonElement, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? eventType = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventType = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventType == type)
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (match is null || match(data))
                {
                    return data;
                }
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
