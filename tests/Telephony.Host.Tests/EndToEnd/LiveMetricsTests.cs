using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>The live gauges on the running demo server's /metrics and its wallboard figures, after a supervisor sets agents' statuses.</summary>
public sealed class LiveMetricsTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static readonly string[] DemoQueues = ["admission", "employment", "transfers", "recognition", "general"];

    private static Uri StatusOf(string extension) => new($"api/agents/{extension}/status", UriKind.Relative);

    [Fact]
    public async Task Metrics_live_gauges_show_agents_by_state_and_empty_queues_of_the_demo()
    {
        using var supervisor = demo.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PutAsJsonAsync(StatusOf("1001"), new { status = "break", reason = "lunch" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PutAsJsonAsync(StatusOf("1002"), new { status = "loggedOut" })).StatusCode);

        var metrics = await PrometheusText.ScrapeAsync(demo.Host.Http);
        for (var i = 0; i < 50 && metrics.Value("telephony_acd_agents", "state", "logged_out") != 1; i++)
        {
            await Task.Delay(100);
            metrics = await PrometheusText.ScrapeAsync(demo.Host.Http);
        }

        Assert.Equal(2, metrics.Value("telephony_acd_agents", "state", "idle"));
        Assert.Equal(1, metrics.Value("telephony_acd_agents", "state", "break"));
        Assert.Equal(1, metrics.Value("telephony_acd_agents", "state", "logged_out"));
        foreach (var state in new[] { "reserved", "ringing", "on_call", "wrap_up" })
        {
            Assert.Equal(0, metrics.Value("telephony_acd_agents", "state", state));
        }

        foreach (var queue in DemoQueues)
        {
            Assert.Equal(0, metrics.Value("telephony_acd_queue_waiting", "queue", queue));
            Assert.Equal(0, metrics.Value("telephony_acd_queue_longest_wait", "queue", queue));
            Assert.Equal(0, metrics.Value("telephony_acd_queue_offered_today", "queue", queue));
            Assert.True(double.IsNaN(metrics.Value("telephony_acd_queue_service_level_today", "queue", queue) ?? 0), "no service level before the first caller");
        }

        // 1003 and 1004 stay available and both take general questions; transfers needs 1001 or 1002 (DemoAcd skills).
        Assert.Equal(2, metrics.Value("telephony_acd_queue_agents_available", "queue", "general"));
        Assert.Equal(0, metrics.Value("telephony_acd_queue_agents_available", "queue", "transfers"));
        Assert.Equal(0, metrics.Value("telephony_calls_in_ivr"));
        Assert.Equal(0, metrics.Value("telephony_calls_waiting"));
        Assert.Equal(0, metrics.Value("telephony_calls_talking"));
    }

    [Fact]
    public async Task Wallboard_api_gives_supervisors_a_tile_per_queue_and_refuses_agents()
    {
        using var supervisor = demo.ClientFor("supervisor");
        using var agent = demo.ClientFor("agent1001");

        using var refused = await agent.GetAsync(new Uri("api/wallboard", UriKind.Relative));
        var view = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/wallboard", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Tiles follow the queues as the ACD store lists them (by id).
        Assert.Equal(DemoQueues.Order(StringComparer.Ordinal), view.GetProperty("queues").EnumerateArray().Select(queue => queue.GetProperty("queue").GetString()));
        Assert.Equal(4, view.GetProperty("agentsByState").EnumerateObject().Sum(state => state.Value.GetInt32()));
        Assert.Equal(["1001", "1002", "1003", "1004"], view.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("extension").GetString()));
        Assert.Equal(0, view.GetProperty("calls").GetProperty("waiting").GetInt32());
    }
}
