using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.Host.Recording;
using Telephony.Recording.Store;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Recording;

/// <summary>
/// The recordings API of the real host (--demo) on recordings made by the real recorder into its database and data
/// directory: roles, audited playback, range requests, scoring and the agent's acknowledgement.
/// </summary>
public sealed class RecordingApiTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<RecordingRow> RecordAsync(string caller, string agent, TimeSpan length)
    {
        await using var rig = new RecordingRig(demo.ConnectionString, demo.Host.DataDirectory, "api-test-recorder");
        return await rig.RecordCallAsync(caller, agent, "transfers", length);
    }

    private async Task<IReadOnlyList<Telephony.Host.Audit.AuditEntry>> AuditAsync(string action)
    {
        using var admin = demo.ClientFor("admin");
        return (await admin.GetFromJsonAsync<List<Telephony.Host.Audit.AuditEntry>>(new Uri($"api/audit?action={action}", UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task Recordings_list_refuses_an_agent_with_403_and_the_refusal_is_audited()
    {
        using var agent = demo.ClientFor("agent1002");

        using var response = await agent.GetAsync(new Uri("api/recordings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await AuditAsync("access-denied"), e => e.Actor == "agent1002" && e.Subject == "/api/recordings");
    }

    [Fact]
    public async Task Audio_played_by_qa_is_stereo_wav_and_written_to_the_audit_log_and_the_access_log()
    {
        var row = await RecordAsync("0559990001", "1001", TimeSpan.FromSeconds(2));
        using var qa = demo.ClientFor("qa");

        using var response = await qa.GetAsync(new Uri($"api/recordings/{row.Id}/audio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(2, BitConverter.ToInt16(bytes, 22));
        Assert.Equal(row.SizeBytes, bytes.Length);
        var played = Assert.Single(await AuditAsync("recording-played"), e => e.Subject == row.Id.ToString());
        Assert.Equal("qa", played.Actor);
        await using var rig = new RecordingRig(demo.ConnectionString, demo.Host.DataDirectory, "api-test-reader");
        var access = Assert.Single(await rig.Store.ListAccessAsync(row.Id, CancellationToken.None));
        Assert.Equal(("qa", RecordingAccessAction.Play), (access.User, access.Action));
    }

    [Fact]
    public async Task Audio_answers_a_range_request_with_206_and_only_those_bytes_and_seeking_is_not_a_new_playback()
    {
        var row = await RecordAsync("0559990002", "1001", TimeSpan.FromSeconds(1));
        using var supervisor = demo.ClientFor("supervisor");
        using var whole = await supervisor.GetByteArrayAsync(new Uri($"api/recordings/{row.Id}/audio", UriKind.Relative)) is { } all ? new MemoryStream(all) : null;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/recordings/{row.Id}/audio", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await supervisor.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var part = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(whole!.ToArray()[1000..2000], part);
        Assert.Single(await AuditAsync("recording-played"), e => e.Subject == row.Id.ToString());
    }

    [Fact]
    public async Task Agent_plays_a_recording_of_their_own_call_but_not_another_agents_and_the_refusal_is_audited()
    {
        var own = await RecordAsync("0559990003", "1003", TimeSpan.FromSeconds(1));
        var other = await RecordAsync("0559990004", "1004", TimeSpan.FromSeconds(1));
        using var agent = demo.ClientFor("agent1003");

        using var ownResponse = await agent.GetAsync(new Uri($"api/recordings/{own.Id}/audio", UriKind.Relative));
        using var otherResponse = await agent.GetAsync(new Uri($"api/recordings/{other.Id}/audio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherResponse.StatusCode);
        Assert.Contains(await AuditAsync("recording-played"), e => e.Actor == "agent1003" && e.Subject == own.Id.ToString());
        Assert.DoesNotContain(await AuditAsync("recording-played"), e => e.Subject == other.Id.ToString());
        Assert.Contains(await AuditAsync("access-denied"), e => e.Actor == "agent1003" && e.Subject == $"/api/recordings/{other.Id}/audio");
    }

    [Fact]
    public async Task List_filters_by_caller_agent_and_whether_evaluated()
    {
        var row = await RecordAsync("0551234599", "1002", TimeSpan.FromSeconds(3));
        using var qa = demo.ClientFor("qa");

        var byCaller = await ListAsync(qa, "caller=1234599");
        var byWrongAgent = await ListAsync(qa, "caller=1234599&agent=1001");
        var notEvaluated = await ListAsync(qa, "caller=1234599&evaluated=false&minSeconds=2&maxSeconds=4");
        var evaluated = await ListAsync(qa, "caller=1234599&evaluated=true");
        var tooShort = await ListAsync(qa, "caller=1234599&minSeconds=5");

        var item = Assert.Single(byCaller);
        Assert.Equal((row.Id, "0551234599", "1002", "transfers", 3000L), (item.Id, item.Caller, item.Agent, item.Queue, item.DurationMs!.Value));
        Assert.StartsWith("rec-", item.SipCallId, StringComparison.Ordinal);
        Assert.Empty(byWrongAgent);
        Assert.Single(notEvaluated);
        Assert.Empty(evaluated);
        Assert.Empty(tooShort);
    }

    [Fact]
    public async Task Evaluation_is_scored_by_the_server_and_only_the_agent_of_the_call_acknowledges_it()
    {
        var row = await RecordAsync("0559990005", "1002", TimeSpan.FromSeconds(1));
        using var qa = demo.ClientFor("qa");
        using var created = await qa.PostAsJsonAsync(new Uri($"api/recordings/{row.Id}/evaluations", UriKind.Relative), new { formId = "standard" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<EvaluationView>(Json))!;
        var answers = new Dictionary<string, object>
        {
            ["greeting"] = new { kind = "yes" },
            ["identified"] = new { kind = "no" },
            ["listening"] = new { kind = "scale", value = 4 },
            ["correct"] = new { kind = "yes" },
            ["summary"] = new { kind = "na" },
            ["courtesy"] = new { kind = "scale", value = 5 },
        };
        using var saved = await qa.PutAsJsonAsync(new Uri($"api/evaluations/{draft.Id}/answers", UriKind.Relative), new { answers });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        using var submitted = await qa.PostAsync(new Uri($"api/evaluations/{draft.Id}/submit", UriKind.Relative), null);

        // weights 1,1,2,3,(1 n/a),1 → (1 + 0 + 2·0.75 + 3 + 1) / 8 = 0.8125
        var result = (await submitted.Content.ReadFromJsonAsync<EvaluationView>(Json))!;
        Assert.Equal(0.8125, result.Score!.Value, 6);
        using var stranger = demo.ClientFor("agent1001");
        using var strangerAck = await stranger.PostAsync(new Uri($"api/my/evaluations/{draft.Id}/acknowledge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, strangerAck.StatusCode);
        Assert.DoesNotContain(await stranger.GetFromJsonAsync<List<EvaluationView>>(new Uri("api/my/evaluations", UriKind.Relative), Json) ?? [], e => e.Id == draft.Id);

        using var agent = demo.ClientFor("agent1002");
        var mine = Assert.Single(await agent.GetFromJsonAsync<List<EvaluationView>>(new Uri("api/my/evaluations", UriKind.Relative), Json) ?? [], e => e.Id == draft.Id);
        Assert.Equal("submitted", mine.Status);
        Assert.Equal(6, mine.Scorecard!.Sections.Sum(s => s.Criteria.Count));
        using var ack = await agent.PostAsync(new Uri($"api/my/evaluations/{draft.Id}/acknowledge", UriKind.Relative), null);
        using var again = await agent.PostAsync(new Uri($"api/my/evaluations/{draft.Id}/acknowledge", UriKind.Relative), null);

        Assert.Equal("acknowledged", (await ack.Content.ReadFromJsonAsync<EvaluationView>(Json))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Evaluation_with_an_answer_that_does_not_fit_the_criterion_is_refused_with_400()
    {
        var row = await RecordAsync("0559990006", "1002", TimeSpan.FromSeconds(1));
        using var qa = demo.ClientFor("qa");
        using var created = await qa.PostAsJsonAsync(new Uri($"api/recordings/{row.Id}/evaluations", UriKind.Relative), new { formId = "standard" });
        var draft = (await created.Content.ReadFromJsonAsync<EvaluationView>(Json))!;
        using var saved = await qa.PutAsJsonAsync(new Uri($"api/evaluations/{draft.Id}/answers", UriKind.Relative),
            new { answers = new Dictionary<string, object> { ["greeting"] = new { kind = "scale", value = 3 } } });

        using var submitted = await qa.PostAsync(new Uri($"api/evaluations/{draft.Id}/submit", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
    }

    private static async Task<List<RecordingListItem>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<RecordingListItem>>(new Uri("api/recordings?" + query, UriKind.Relative), Json))!;
}
