using Telephony.TestKit.Host;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>What the ACD end-to-end tests do with the demo host: agents' phones and statuses, callers through the menu, records.</summary>
internal static class HotlineDriver
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Starts an agent's phone registered with the host's registrar under the agent's digest password.</summary>
    public static Task<BaresipPhone> StartAgentPhoneAsync(AcdHostFixture host, string extension, int toneHz, bool autoAnswer = true) =>
        StartAgentPhoneAsync(host.Registrar, host.SipPasswordOf(extension), extension, toneHz, autoAnswer);

    /// <summary>Starts an agent's phone registered with the registrar at <paramref name="registrar"/> (host:port).</summary>
    public static async Task<BaresipPhone> StartAgentPhoneAsync(string registrar, string sipPassword, string extension, int toneHz, bool autoAnswer = true)
    {
        var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = extension,
            Registrar = registrar,
            Password = sipPassword,
            AutoAnswer = autoAnswer,
            ToneHz = toneHz,
        });
        try
        {
            await phone.WaitForRegistrationAsync(Wait);
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }

        return phone;
    }

    /// <summary>
    /// Makes exactly <paramref name="availableInIdleOrder"/> available, longest idle first: every other agent logs out,
    /// these wait until they are idle (a previous call's wrap-up over), then log out and back in one after another.
    /// Returns the agents as GET /api/agents shows them afterwards.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> ArrangeAgentsAsync(HttpClient supervisor, params string[] availableInIdleOrder)
    {
        foreach (var agent in await AgentsAsync(supervisor))
        {
            var extension = agent.GetProperty("extension").GetString()!;
            if (!availableInIdleOrder.Contains(extension))
            {
                await SetStatusAsync(supervisor, extension, "loggedOut");
            }
        }

        foreach (var extension in availableInIdleOrder)
        {
            await WaitForAgentAsync(supervisor, extension, a => a.GetProperty("state").GetString() == "Idle", "idle");
            await SetStatusAsync(supervisor, extension, "loggedOut");
        }

        foreach (var extension in availableInIdleOrder)
        {
            await SetStatusAsync(supervisor, extension, "available");

            // Idle-since has the clock's resolution; a pause keeps the order strict.
            await Task.Delay(50);
        }

        var agents = await AgentsAsync(supervisor);
        var idleSince = availableInIdleOrder.Select(extension => Agent(agents, extension).GetProperty("idleSince").GetDateTimeOffset()).ToArray();
        for (var i = 1; i < idleSince.Length; i++)
        {
            Assert.True(idleSince[i - 1] < idleSince[i], $"idle order not as arranged: {string.Join(", ", idleSince)}");
        }

        return agents;
    }

    public static async Task SetStatusAsync(HttpClient supervisor, string extension, string status, string? reason = null)
    {
        using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{extension}/status", UriKind.Relative), new { status, reason });

        // 409: the agent already has that status (logging out a logged-out agent is not a transition).
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict, $"{extension} → {status}: {response.StatusCode}");
    }

    public static async Task<IReadOnlyList<JsonElement>> AgentsAsync(HttpClient supervisor)
    {
        using var document = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/agents", UriKind.Relative)));
        return [.. document.RootElement.EnumerateArray().Select(a => a.Clone())];
    }

    public static JsonElement Agent(IReadOnlyList<JsonElement> agents, string extension) =>
        agents.Single(a => a.GetProperty("extension").GetString() == extension);

    /// <summary>Polls GET /api/agents until the agent satisfies <paramref name="condition"/>; returns it.</summary>
    public static async Task<JsonElement> WaitForAgentAsync(HttpClient supervisor, string extension, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Wait);
        while (true)
        {
            var agent = Agent(await AgentsAsync(supervisor), extension);
            if (condition(agent))
            {
                return agent;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"agent {extension} never {what}: {agent.GetRawText()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A citizen's phone calls the hotline and types ahead through the menu: <paramref name="languageKey"/> during the
    /// greeting (1 az, 2 ru, 3 en), then <paramref name="topicKey"/> during the topic menu; the caller is then queued.
    /// The phone sends <paramref name="audioSource"/> when given (many callers can share one file), else a tone.
    /// </summary>
    public static async Task<BaresipPhone> CallThroughMenuAsync(
        AcdHostFixture host, string callerNumber, char languageKey, char topicKey, int toneHz = 440, string? audioSource = null)
    {
        var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = callerNumber, ToneHz = toneHz, AudioSource = audioSource });
        try
        {
            await caller.DialAsync(host.HotlineUri);
            await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);
            // A key is heard only while a prompt plays or a question waits; the greeting and the language question
            // together last about 15 s and the topic menu about 20 s, so 4 s into each is safely inside, even on a
            // loaded machine where the first prompt starts late.
            await Task.Delay(TimeSpan.FromSeconds(4));
            await caller.SendDigitsAsync(languageKey.ToString());
            await Task.Delay(TimeSpan.FromSeconds(4));
            await caller.SendDigitsAsync(topicKey.ToString());
        }
        catch
        {
            await caller.DisposeAsync();
            throw;
        }

        return caller;
    }

    /// <summary>The call's queue events as stored (acd_queue_events), oldest first: (event, agent).</summary>
    public static async Task<IReadOnlyList<(string Event, string? Agent)>> QueueEventsAsync(AcdHostFixture host, Guid callId)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT event, agent_id FROM acd_queue_events WHERE call_id = @id ORDER BY at, id", connection);
        command.Parameters.AddWithValue("id", callId);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, string?)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), await reader.IsDBNullAsync(1) ? null : reader.GetString(1)));
        }

        return events;
    }

    /// <summary>
    /// Awaits <paramref name="step"/>; a timeout is rethrown with what says where the call went: the agents and queues
    /// as the host sees them, the phones' events and the end of the host's log.
    /// </summary>
    public static async Task<T> DiagnosedAsync<T>(AcdHostFixture host, Task<T> step, params BaresipPhone[] phones)
    {
        await DiagnosedAsync(host, (Task)step, phones);
        return await step;
    }

    /// <inheritdoc cref="DiagnosedAsync{T}(AcdHostFixture, Task{T}, BaresipPhone[])"/>
    public static async Task DiagnosedAsync(AcdHostFixture host, Task step, params BaresipPhone[] phones)
    {
        try
        {
            await step;
        }
        catch (TimeoutException e)
        {
            using var supervisor = host.ClientFor("supervisor");
            var agents = await supervisor.GetStringAsync(new Uri("api/agents", UriKind.Relative));
            var queues = await supervisor.GetStringAsync(new Uri("api/queues/live", UriKind.Relative));
            var log = host.Host.Output;
            throw new TimeoutException(
                $"{e.Message}\nAgents: {agents}\nQueues: {queues}\n"
                + string.Concat(phones.Select(p => $"Phone {Path.GetFileName(p.Directory)}: {string.Join("; ", p.Events)}\n"))
                + "Host log (end):\n" + log[Math.Max(0, log.Length - 20_000)..],
                e);
        }
    }

    /// <summary>True when the phone was offered a call at all (baresip reports CALL_INCOMING for every INVITE it accepts).</summary>
    public static bool WasRung(BaresipPhone phone) => phone.Events.Any(e => e.Type == "CALL_INCOMING");
}
