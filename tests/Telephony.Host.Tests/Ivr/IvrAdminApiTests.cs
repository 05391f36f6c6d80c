using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Ivr;

/// <summary>The IVR admin API against the running demo host: drafts, publish, versions, diff, rollback, holidays, prompts.</summary>
public sealed class IvrAdminApiTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    [Fact]
    public async Task Demo_start_puts_the_demo_tree_in_force_as_version_1_and_stores_the_holidays()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);

        var published = await IvrApi.GetTreeAsync(admin, $"api/ivr/trees/{IvrApi.DemoTree}/versions/1");
        var holidays = IvrJson.ReadHolidayCalendar(await admin.GetStringAsync(new Uri("api/ivr/holidays/az-public", UriKind.Relative)));

        Assert.Equal(1, published.Version);
        Assert.Equal("greeting", published.Start);
        Assert.Contains(holidays.Holidays, h => h.From == new DateOnly(2026, 5, 28));
    }

    [Fact]
    public async Task Bad_tree_is_refused_with_422_and_the_faults_and_nothing_changes()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        var draftBefore = await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/draft", UriKind.Relative));
        var publishedBefore = await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/published", UriKind.Relative));
        var versionsBefore = await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/versions", UriKind.Relative));
        var tree = IvrJson.ReadMenuTree(draftBefore);
        var greeting = (PlayMessageNode)tree.Nodes["greeting"];
        var broken = tree with
        {
            Nodes = new Dictionary<string, IvrNode>(tree.Nodes)
            {
                ["greeting"] = greeting with { Prompt = greeting.Prompt.Where(p => p.Key != Language.Ru).ToDictionary(), Next = "nowhere" },
            },
        };

        using var refused = await IvrApi.PutDraftAsync(admin, broken);
        var problem = await IvrApi.JsonAsync(refused);
        using var validated = await admin.PostAsync(new Uri("api/ivr/validate", UriKind.Relative), new StringContent(IvrJson.Write(broken)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var faults = problem.GetProperty("faults").EnumerateArray().ToList();
        Assert.Contains(faults, f => f.GetProperty("kind").GetString() == "MissingPrompt" && f.GetProperty("nodeId").GetString() == "greeting"
            && f.GetProperty("language").GetString() == "ru" && f.GetProperty("message").GetString()!.Contains("ru", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.GetProperty("kind").GetString() == "MissingTarget" && f.GetProperty("nodeId").GetString() == "greeting");
        Assert.Equal(draftBefore, await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/draft", UriKind.Relative)));
        Assert.Equal(publishedBefore, await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/published", UriKind.Relative)));
        Assert.Equal(versionsBefore, await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/versions", UriKind.Relative)));
        Assert.Equal(faults.Count, (await IvrApi.JsonAsync(validated)).GetProperty("faults").GetArrayLength());
    }

    [Fact]
    public async Task Publish_then_rollback_creates_new_versions_and_the_diff_shows_what_changed()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        var draft = await IvrApi.GetTreeAsync(admin, $"api/ivr/trees/{IvrApi.DemoTree}/draft");

        using var saved = await IvrApi.PutDraftAsync(admin, IvrApi.WithInfoOption(draft));
        using var published = await IvrApi.PublishAsync(admin, IvrApi.DemoTree);
        var version = (await IvrApi.JsonAsync(published)).GetProperty("version").GetInt32();
        var diff = await IvrApi.JsonAsync(await admin.GetAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/diff?from=1&to={version}", UriKind.Relative)));
        using var rolledBack = await IvrApi.RollbackAsync(admin, IvrApi.DemoTree, 1);
        var restored = (await IvrApi.JsonAsync(rolledBack)).GetProperty("version").GetInt32();
        var inForce = await IvrApi.GetTreeAsync(admin, $"api/ivr/trees/{IvrApi.DemoTree}/published");
        var restoredDiff = await IvrApi.JsonAsync(await admin.GetAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/diff?from=1&to={restored}", UriKind.Relative)));
        var audit = await IvrApi.JsonAsync(await admin.GetAsync(new Uri("api/audit", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("info", diff.GetProperty("addedNodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains(diff.GetProperty("changedNodes").EnumerateArray(), n => n.GetProperty("nodeId").GetString() == "topics"
            && n.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("field").GetString() == "options"));
        Assert.Equal(version + 1, restored);
        Assert.Equal(restored, inForce.Version);
        Assert.DoesNotContain("info", inForce.Nodes.Keys);
        Assert.Empty(restoredDiff.GetProperty("addedNodes").EnumerateArray());
        Assert.Empty(restoredDiff.GetProperty("changedNodes").EnumerateArray());
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "ivr-published" && e.GetProperty("subject").GetString() == IvrApi.DemoTree);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "ivr-rolled-back");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "ivr-draft-saved");
    }

    [Fact]
    public async Task Validate_lists_the_faults_of_a_posted_tree_without_saving_it()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        var tree = await IvrApi.GetTreeAsync(admin, $"api/ivr/trees/{IvrApi.DemoTree}/draft");
        var topics = (MenuNode)tree.Nodes["topics"];
        var dangling = tree with { Nodes = new Dictionary<string, IvrNode>(tree.Nodes) { ["topics"] = topics with { Options = new Dictionary<string, string>(topics.Options) { ["7"] = "missing" } } } };

        using var response = await admin.PostAsync(new Uri("api/ivr/validate", UriKind.Relative), new StringContent(IvrJson.Write(dangling)));
        var body = await IvrApi.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        var fault = Assert.Single(body.GetProperty("faults").EnumerateArray());
        Assert.Equal(("MissingTarget", "topics"), (fault.GetProperty("kind").GetString(), fault.GetProperty("nodeId").GetString()));
        Assert.DoesNotContain("\"7\"", await admin.GetStringAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/draft", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_document_is_400_naming_the_problem()
    {
        using var admin = demo.ClientFor("admin");

        using var response = await admin.PutAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/draft", UriKind.Relative), new StringContent("{\"id\": \"edu-hotline\", \"colour\": 1}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("colour", (await IvrApi.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_may_not_read_or_change_trees()
    {
        using var supervisor = demo.ClientFor("supervisor");

        using var read = await supervisor.GetAsync(new Uri($"api/ivr/trees/{IvrApi.DemoTree}/draft", UriKind.Relative));
        using var publish = await IvrApi.PublishAsync(supervisor, IvrApi.DemoTree);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }

    [Fact]
    public async Task Holiday_calendar_edit_is_stored_and_audited()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        var calendar = IvrJson.ReadHolidayCalendar(await admin.GetStringAsync(new Uri("api/ivr/holidays/az-public", UriKind.Relative)));
        var edited = calendar with { Description = "Edited by the API test" };

        using var saved = await admin.PutAsync(new Uri("api/ivr/holidays/az-public", UriKind.Relative), new StringContent(IvrJson.Write(edited)));
        var stored = IvrJson.ReadHolidayCalendar(await admin.GetStringAsync(new Uri("api/ivr/holidays/az-public", UriKind.Relative)));
        var audit = await IvrApi.JsonAsync(await admin.GetAsync(new Uri("api/audit?action=ivr-holidays-saved", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Edited by the API test", stored.Description);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("actor").GetString() == "admin" && e.GetProperty("subject").GetString() == "az-public");
    }

    [Fact]
    public async Task Uploaded_recording_becomes_the_prompt_and_plays_as_pcm_wav()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        var mp3 = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.mp3");
        await IvrApi.SoxAsync("-n", "-r", "44100", "-c", "2", mp3, "synth", "1.5", "sine", "300", "vol", "0.5");
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(mp3));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        File.Delete(mp3);

        using var uploaded = await admin.PostAsync(new Uri($"api/ivr/prompts/{IvrApi.DemoTree}/goodbye/en", UriKind.Relative), content);
        var body = await IvrApi.JsonAsync(uploaded);
        var draft = await IvrApi.GetTreeAsync(admin, $"api/ivr/trees/{IvrApi.DemoTree}/draft");
        using var audio = await admin.GetAsync(new Uri($"api/ivr/prompts/{IvrApi.DemoTree}/goodbye/en/audio", UriKind.Relative));
        var wav = await audio.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.InRange(body.GetProperty("durationMs").GetInt32(), 1400, 1700);
        Assert.Equal(body.GetProperty("audio").GetString(), draft.Nodes["goodbye"].Prompt[Language.En].Audio);
        Assert.NotNull(draft.Nodes["goodbye"].Prompt[Language.En].Text);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal(24_000 + 44, wav.Length, 400d);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
    }

    [Fact]
    public async Task Spoken_preview_of_unsaved_text_is_a_wav()
    {
        using var admin = demo.ClientFor("admin");

        using var audio = await admin.GetAsync(new Uri($"api/ivr/prompts/{IvrApi.DemoTree}/greeting/ru/audio?text=" + Uri.EscapeDataString("Здравствуйте"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.True((await audio.Content.ReadAsByteArrayAsync()).Length > 44 + 4000);
    }

    [Fact]
    public async Task OpenApi_documents_the_ivr_endpoints_under_their_tag()
    {
        using var admin = demo.ClientFor("admin");

        var document = JsonDocument.Parse(await admin.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative))).RootElement;
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/ivr/trees/{id}/publish", out var publish));
        Assert.Equal("IVR", publish.GetProperty("post").GetProperty("tags")[0].GetString());
        Assert.True(paths.TryGetProperty("/api/ivr/prompts/{treeId}/{nodeId}/{lang}/audio", out _));
    }
}
