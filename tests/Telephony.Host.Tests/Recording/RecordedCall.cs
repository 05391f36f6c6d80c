using System.Net.Http.Json;
using System.Text.Json;
using Telephony.Host.Recording;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.Recording;

/// <summary>Steps shared by the end-to-end recording tests: one agent available, the caller through the demo menu to it, the rows after.</summary>
internal static class RecordedCall
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task OnlyAgentAvailableAsync(HttpClient supervisor, string extension)
    {
        foreach (var other in new[] { "1001", "1002", "1003", "1004" }.Where(e => e != extension))
        {
            using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{other}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.True(response.IsSuccessStatusCode, $"log out {other}: {response.StatusCode}");
        }
    }

    /// <summary>Dials 100, chooses Russian (2) and diploma recognition (4), and waits until the agent's phone answered.</summary>
    public static async Task ReachAgentAsync(BaresipPhone caller, BaresipPhone agent, int sipPort)
    {
        await caller.DialAsync($"sip:100@127.0.0.1:{sipPort}");
        await caller.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("2");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("4");
        await agent.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(60));
    }

    /// <summary>The newest recording (of a call from <paramref name="caller"/>, when given) once it has <paramref name="status"/>.</summary>
    public static async Task<RecordingListItem> RecordingOfAsync(HttpClient reviewer, string? caller, string status)
    {
        var last = "none";
        for (var i = 0; i < 150; i++)
        {
            var list = await reviewer.GetFromJsonAsync<List<RecordingListItem>>(new Uri(caller is null ? "api/recordings" : $"api/recordings?caller={caller}", UriKind.Relative), Json);
            if (list?.FirstOrDefault() is { } item)
            {
                last = item.Status;
                if (item.Status == status)
                {
                    return item;
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"no {status} recording of a call from {caller} (last seen: {last})");
    }

    public static async Task<JsonElement> CallRecordAsync(HttpClient supervisor, string caller)
    {
        for (var i = 0; i < 150; i++)
        {
            var calls = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/calls", UriKind.Relative))).RootElement;
            foreach (var call in calls.EnumerateArray())
            {
                if (call.GetProperty("caller").GetString() == caller)
                {
                    return call.Clone();
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("no call record for " + caller);
    }
}
