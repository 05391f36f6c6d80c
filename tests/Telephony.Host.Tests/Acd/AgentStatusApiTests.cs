using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Acd;

/// <summary>Agent status over HTTP against the running demo server: who may set whose status, and the audit of forced changes.</summary>
public sealed class AgentStatusApiTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static readonly Uri Agents = new("api/agents", UriKind.Relative);

    private static Uri StatusOf(string extension) => new($"api/agents/{extension}/status", UriKind.Relative);

    private static async Task<JsonElement> AgentAsync(HttpClient client, string extension)
    {
        var agents = JsonDocument.Parse(await client.GetStringAsync(Agents)).RootElement;
        return agents.EnumerateArray().Single(agent => agent.GetProperty("extension").GetString() == extension);
    }

    [Fact]
    public async Task Agent_status_agent_takes_a_break_on_their_own_extension()
    {
        using var agent = demo.ClientFor("agent1003");
        using var supervisor = demo.ClientFor("supervisor");

        using var response = await agent.PutAsJsonAsync(StatusOf("1003"), new { status = "break", reason = "lunch" });
        var seen = await AgentAsync(supervisor, "1003");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("break", seen.GetProperty("status").GetString());
        Assert.Equal("lunch", seen.GetProperty("breakReason").GetString());
    }

    [Fact]
    public async Task Agent_status_agent_setting_another_agents_status_is_403_and_nothing_changes()
    {
        using var agent = demo.ClientFor("agent1002");
        using var supervisor = demo.ClientFor("supervisor");
        var before = (await AgentAsync(supervisor, "1004")).GetProperty("status").GetString();

        using var response = await agent.PutAsJsonAsync(StatusOf("1004"), new { status = "loggedOut" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await AgentAsync(supervisor, "1004")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Agent_status_supervisor_forcing_an_agent_out_succeeds_and_is_audited()
    {
        using var supervisor = demo.ClientFor("supervisor");
        using var admin = demo.ClientFor("admin");

        using var response = await supervisor.PutAsJsonAsync(StatusOf("1001"), new { status = "loggedOut" });
        var seen = await AgentAsync(supervisor, "1001");
        var audit = JsonDocument.Parse(await admin.GetStringAsync(new Uri("api/audit?action=agent-status-forced", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("loggedOut", seen.GetProperty("status").GetString());
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("actor").GetString() == "supervisor" && e.GetProperty("subject").GetString() == "1001");
    }

    [Fact]
    public async Task Agent_list_is_for_supervision_an_agent_gets_403()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.GetAsync(Agents);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Agent_status_unknown_value_is_400()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.PutAsJsonAsync(StatusOf("1002"), new { status = "asleep" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
