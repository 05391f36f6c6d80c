using System.Net;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Calls;

/// <summary>GET /api/calls on the running server: call records newest first, for supervisors only.</summary>
public sealed class CallsApiTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    [Fact]
    public async Task Calls_api_lists_records_since_the_given_time_newest_first_with_the_documented_fields()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var connection = new NpgsqlConnection(demo.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var (minutesAgo, sipCallId) in new[] { (30, "older"), (10, "newer"), (60 * 48, "too-old") })
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, ended_at, language, ivr_path, queue_id,
                        agent_id, wait_ms, talk_ms, outcome)
                    VALUES (gen_random_uuid(), $1, 'test', '0501112233', '100', $2, $2 + interval '2 minutes', 'az',
                        ARRAY['greeting','language','topics'], 'admission', '1001', 12000, 90000, 'answered')
                    """, connection);
                command.Parameters.Add(new() { Value = sipCallId });
                command.Parameters.Add(new() { Value = now.AddMinutes(-minutesAgo) });
                await command.ExecuteNonQueryAsync();
            }
        }

        using var supervisor = demo.ClientFor("supervisor");
        var since = Uri.EscapeDataString(now.AddHours(-1).ToString("O"));
        var calls = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri($"api/calls?since={since}", UriKind.Relative))).RootElement;

        Assert.Equal(["newer", "older"], calls.EnumerateArray().Select(c => c.GetProperty("sipCallId").GetString()));
        var first = calls[0];
        Assert.Equal("0501112233", first.GetProperty("caller").GetString());
        Assert.Equal(["greeting", "language", "topics"], first.GetProperty("ivrPath").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("admission", first.GetProperty("queue").GetString());
        Assert.Equal("1001", first.GetProperty("agent").GetString());
        Assert.Equal(12, first.GetProperty("waitSeconds").GetDouble());
        Assert.Equal("answered", first.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Calls_api_refuses_an_agent()
    {
        using var agent = demo.ClientFor("agent1004");

        using var response = await agent.GetAsync(new Uri("api/calls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
