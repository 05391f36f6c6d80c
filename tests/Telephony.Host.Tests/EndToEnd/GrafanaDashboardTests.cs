using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// The Grafana dashboard in deploy/grafana queries only metrics a running host exports: after the traffic its panels
/// show (a phone registering, a caller waiting in a queue and hanging up), every metric name in its queries is on /metrics.
/// </summary>
public sealed partial class GrafanaDashboardTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static string DashboardPath => Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "telephony-hotline.json");

    /// <summary>Metric names are ours (telephony_) or prometheus-net's (http_); label names and PromQL functions never start so.</summary>
    [GeneratedRegex(@"\b(?:telephony|http)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();

    /// <summary>Every PromQL text in the dashboard: panel targets and query variables.</summary>
    private static List<string> Queries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var queries = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is "expr" or "definition" && property.Value.ValueKind == JsonValueKind.String)
                        {
                            queries.Add(property.Value.GetString()!);
                        }

                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(dashboard.RootElement);
        return queries;
    }

    /// <summary>A name the dashboard queries as <c>x_bucket</c>/<c>x_count</c>/<c>x_sum</c> is exported as exactly that series of a histogram.</summary>
    private static IEnumerable<string> MetricsOf(IEnumerable<string> queries) =>
        queries.SelectMany(query => MetricName().Matches(query).Select(match => match.Value)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    [Fact]
    public void Dashboard_queries_name_the_live_gauges_and_use_the_datasource_variable()
    {
        var queried = MetricsOf(Queries()).ToHashSet(StringComparer.Ordinal);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));

        Assert.Subset(queried, new HashSet<string>(StringComparer.Ordinal)
        {
            "telephony_calls_in_ivr", "telephony_calls_waiting", "telephony_calls_talking", "telephony_acd_queue_waiting",
            "telephony_acd_queue_longest_wait", "telephony_acd_agents", "telephony_acd_queue_service_level_today",
            "telephony_sip_requests", "telephony_sip_responses", "telephony_sip_registrations", "telephony_media_tick_lateness_bucket",
            "telephony_calls_rtp_jitter_bucket", "telephony_calls_rtp_loss_bucket", "telephony_data_spool_depth", "http_requests_received_total",
        });
        Assert.Contains(dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray(),
            variable => variable.GetProperty("type").GetString() == "datasource" && variable.GetProperty("query").GetString() == "prometheus");
        Assert.All(dashboard.RootElement.GetProperty("panels").EnumerateArray().Where(panel => panel.GetProperty("type").GetString() != "row"),
            panel => Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString()));
    }

    [Fact]
    public async Task Dashboard_every_metric_it_queries_is_exported_by_a_running_host_after_registration_and_a_queued_call()
    {
        using var supervisor = demo.ClientFor("supervisor");
        foreach (var extension in new[] { "1001", "1002", "1003", "1004" })
        {
            using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{extension}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var agent = demo.Credentials.Agents.Single(a => a.Extension == "1002");
        await ExternalTool.RunAsync("sipsak", TimeSpan.FromSeconds(30),
            "-U", "-C", $"sip:1002@127.0.0.1:{demo.Host.SipPort + 1}", "-s", $"sip:1002@127.0.0.1:{demo.Host.SipPort}",
            "-a", agent.SipPassword, "--auth-username=1002", "-x", "60");
        await DemoCaller.WaitForPromptsAsync(demo);
        await using (var phone = await DemoCaller.DialIntoQueueAsync(demo, "0559998877", "2", "3"))
        {
            for (var i = 0; i < 120 && (await PrometheusText.ScrapeAsync(demo.Host.Http)).Value("telephony_calls_waiting") != 1; i++)
            {
                await Task.Delay(250);
            }

            Assert.Equal(1, (await PrometheusText.ScrapeAsync(demo.Host.Http)).Value("telephony_acd_queue_waiting", "queue", "transfers"));
            await phone.HangupAsync();
            await phone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(30));
        }

        var queried = MetricsOf(Queries()).ToArray();
        var missing = queried;
        for (var i = 0; i < 60 && missing.Length > 0; i++)
        {
            var exported = (await PrometheusText.ScrapeAsync(demo.Host.Http)).Names;
            missing = [.. queried.Where(name => !exported.Contains(name))];
            if (missing.Length > 0)
            {
                await Task.Delay(500);
            }
        }

        var exportedOurs = (await PrometheusText.ScrapeAsync(demo.Host.Http)).Names.Where(name => name.StartsWith("telephony_", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.True(missing.Length == 0, $"queried by the dashboard but not on /metrics: {string.Join(", ", missing)}\nexported: {string.Join(", ", exportedOurs)}");
    }
}
