using System.Globalization;
using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// Two real demo hosts on one database. A baresip caller reaches the queue on the first host while no agent is
/// available, presses the callback key and hangs up; the first host is then killed (SIGKILL, so nothing is handed
/// over). Once its lease on the callback runs out, the second host claims it; an agent's baresip phone goes available
/// there, is rung, answers, and the second host dials the citizen's number through the trunk. The carrier cannot run
/// here: the trunk points at a baresip phone standing in for the citizen's phone (a fake carrier), which answers and
/// hears the agent's tone. The records show the callback requested on the first host and made by the second.
/// </summary>
public sealed class CallbackTakeoverTests
{
    private const string Citizen = "0501234567";
    private const int LeaseSeconds = 6;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Callback_of_a_host_killed_with_SIGKILL_is_dialled_by_the_other_host_through_a_fake_carrier_baresip()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("callbacks");
        await using var carrier = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = Citizen, AutoAnswer = true, ToneHz = 440 });
        await using var first = await StartHostAsync(database, "host-a", 51000, carrier);
        var credentials = await ReadCredentialsAsync(first);
        await using var second = await StartHostAsync(database, "host-b", 51500, carrier);
        using var secondSupervisor = Supervisor(second, credentials);
        await using var agentPhone = await PrepareAsync(first, credentials, secondSupervisor);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var originalCallId = await RequestCallbackAsync(first, "host-a", dataSource);
        Assert.Equal("host-a", await OwnerAsync(dataSource, originalCallId));

        await first.KillAsync();
        await WaitUntilAsync(async () => await OwnerAsync(dataSource, originalCallId) == "host-b", "the second host claims the callback after the lease", second);
        Assert.Equal(0, await CountAsync(dataSource, "SELECT count(*) FROM acd_queue_events WHERE call_id = $1 AND event = 'callback-made'", originalCallId));

        await AnswerCallbackAsync(second, secondSupervisor, "host-b", agentPhone, carrier, dataSource, originalCallId);
    }

    /// <summary>
    /// The same with one host stopped (SIGTERM) and started again on its data directory: the stopping host lets its
    /// pending callback go, and the restarted host claims it at start. The demo's agents come back as they were logged
    /// out before the stop (the shared statuses are read with the configuration, before any request), so the callback
    /// waits until the supervisor makes 1003, the only registered phone, available.
    /// </summary>
    [Fact]
    public async Task Callback_survives_a_restart_of_its_host_and_is_dialled_through_a_fake_carrier_baresip()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("callbacks-restart");
        await using var carrier = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = Citizen, AutoAnswer = true, ToneHz = 440 });
        var host = await StartHostAsync(database, "host-r", 52000, carrier);
        var credentials = await ReadCredentialsAsync(host);
        await using var agentPhone = await PrepareAsync(host, credentials);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var originalCallId = await RequestCallbackAsync(host, "host-r", dataSource);

        var dataDirectory = host.DataDirectory;
        await host.TerminateAsync(TimeSpan.FromSeconds(30));
        await host.DisposeAsync();
        Assert.Null(await OwnerAsync(dataSource, originalCallId));
        Assert.Equal("pending", await StateAsync(dataSource, originalCallId));

        await using var restarted = await StartHostAsync(database, "host-r", 52000, carrier, dataDirectory);
        using var supervisor = Supervisor(restarted, credentials);
        await AnswerCallbackAsync(restarted, supervisor, "host-r", agentPhone, carrier, dataSource, originalCallId);
    }

    /// <summary>
    /// The agent goes available on <paramref name="host"/>, is rung and answers; the host dials the citizen through the
    /// trunk (the fake carrier), who hears the agent's 1000 Hz tone and hangs up; the row, record and event say so.
    /// </summary>
    private static async Task AnswerCallbackAsync(
        HostProcess host, HttpClient supervisor, string hostId, BaresipPhone agentPhone, BaresipPhone carrier, NpgsqlDataSource dataSource, Guid originalCallId)
    {
        await HotlineDriver.SetStatusAsync(supervisor, "1003", "available");
        await Diagnosed(host, agentPhone.WaitForEventAsync("CALL_ESTABLISHED", Wait), agentPhone, carrier);
        await Diagnosed(host, carrier.WaitForEventAsync("CALL_ESTABLISHED", Wait), agentPhone, carrier);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await carrier.HangupAsync();
        await carrier.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));
        await agentPhone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));

        var heard = await AudioAnalysis.MeasureAsync(carrier.ReceivedAudio().Single(), TimeSpan.FromSeconds(1));
        Assert.True(heard.Rms > 0.05, $"the citizen heard nothing from the agent: {heard}");
        Assert.InRange(heard.RoughHz, 900, 1100);
        await WaitUntilAsync(async () => await StateAsync(dataSource, originalCallId) == "completed", "the callback row is completed", host);
        await WaitUntilAsync(
            async () => await CountAsync(dataSource, "SELECT count(*) FROM call_records WHERE is_callback AND callback_made AND caller = $1 AND host_id = $2", Citizen, hostId) == 1,
            "the callback's own record is written by the second host",
            host);
        Assert.Equal(1, await CountAsync(dataSource,
            "SELECT count(*) FROM acd_queue_events WHERE call_id = $1 AND event = 'callback-made' AND host_id = $2 AND agent_id = '1003' AND detail->>'outcome' = 'answered'",
            originalCallId, hostId));
    }


    /// <summary>The citizen calls the first host, is queued (English, employment), presses the callback key and is hung up on; returns the call's id.</summary>
    private static async Task<Guid> RequestCallbackAsync(HostProcess host, string hostId, NpgsqlDataSource dataSource)
    {
        await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = Citizen, ToneHz = 440 });
        await caller.DialAsync(string.Create(CultureInfo.InvariantCulture, $"sip:100@127.0.0.1:{host.SipPort}"));
        await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await caller.SendDigitsAsync("3");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await caller.SendDigitsAsync("2");
        Guid? queued = null;
        await WaitUntilAsync(
            async () => (queued = await FindAsync(dataSource, "SELECT call_id FROM acd_queue_events WHERE event = 'joined' AND host_id = $1 LIMIT 1", hostId)) is not null,
            "the caller is queued",
            host);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await caller.SendDigitsAsync("1");
        await Diagnosed(host, caller.WaitForEventAsync("CALL_CLOSED", Wait), caller);
        await WaitUntilAsync(async () => await StateAsync(dataSource, queued!.Value) == "pending", "the callback is stored", host);

        // The host lives on a little, long enough to write the call's record (its writer flushes each second).
        await WaitUntilAsync(
            async () => await CountAsync(dataSource,
                "SELECT count(*) FROM call_records r JOIN acd_queue_events e ON e.call_id = r.id AND e.event = 'callback-requested' AND e.host_id = $2 WHERE r.id = $1 AND r.callback_requested AND r.outcome = 'callback-requested'",
                queued!.Value, hostId) == 1,
            "the original call's record says callback requested",
            host);
        return queued!.Value;
    }

    /// <summary>
    /// Waits for the host's prompts, logs every demo agent out there, waits until the other hosts show them logged out
    /// too (agents' statuses are shared through the database), and registers agent 1003's phone with the host; bindings
    /// are in the database, so every host finds the phone.
    /// </summary>
    private static async Task<BaresipPhone> PrepareAsync(HostProcess host, DemoCredentialsFile credentials, params HttpClient[] otherHosts)
    {
        await WaitForPromptsAsync(host);
        using var own = Supervisor(host, credentials);
        foreach (var agent in credentials.Agents)
        {
            await HotlineDriver.WaitForAgentAsync(own, agent.Extension, a => a.GetProperty("status").GetString() == "available", "loaded", TimeSpan.FromSeconds(60));
            await HotlineDriver.SetStatusAsync(own, agent.Extension, "loggedOut");
        }

        foreach (var supervisor in otherHosts)
        {
            foreach (var agent in credentials.Agents)
            {
                await HotlineDriver.WaitForAgentAsync(
                    supervisor, agent.Extension, a => a.GetProperty("status").GetString() == "loggedOut", "logged out through the other host", TimeSpan.FromSeconds(60));
            }
        }

        return await HotlineDriver.StartAgentPhoneAsync(
            string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{host.SipPort}"), credentials.Agents.Single(a => a.Extension == "1003").SipPassword, "1003", toneHz: 1000);
    }

    private static async Task<HostProcess> StartHostAsync(string database, string hostId, int rtpPortMin, BaresipPhone carrier, string? dataDirectory = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Telephony__HostId"] = hostId,
            ["Telephony__Acd__Callback__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Calls__Sip__OutboundTrunk"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{carrier.SipPort}"),
            ["Calls__Media__PortMin"] = rtpPortMin.ToString(CultureInfo.InvariantCulture),
            ["Calls__Media__PortMax"] = (rtpPortMin + 499).ToString(CultureInfo.InvariantCulture),
        };
        var host = HostProcess.StartWithEnvironment(environment, database, dataDirectory, "--demo", "--demo-always-open");
        await host.WaitForHealthAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    private static HttpClient Supervisor(HostProcess host, DemoCredentialsFile credentials)
    {
        var password = credentials.Users.Single(u => u.User == "supervisor").Password;
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("supervisor:" + password)));
        return client;
    }

    private static async Task<DemoCredentialsFile> ReadCredentialsAsync(HostProcess host)
    {
        var path = Path.Combine(host.DataDirectory, "demo-credentials.json");
        for (var i = 0; i < 600 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        return JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), WebJson)!;
    }

    private static async Task WaitForPromptsAsync(HostProcess host)
    {
        var prompts = Path.Combine(host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 600 && (!Directory.Exists(prompts) || Directory.GetFiles(prompts).Length < 40); i++)
        {
            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, HostProcess host)
    {
        for (var deadline = DateTime.UtcNow + Wait; DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (await condition())
            {
                return;
            }
        }

        var log = host.Output;
        Assert.Fail($"never: {what}\nHost log (end):\n{log[Math.Max(0, log.Length - 15_000)..]}");
    }

    private static async Task Diagnosed(HostProcess host, Task step, params BaresipPhone[] phones)
    {
        try
        {
            await step;
        }
        catch (TimeoutException e)
        {
            var log = host.Output;
            throw new TimeoutException(
                e.Message + "\n" + string.Concat(phones.Select(p => $"Phone {Path.GetFileName(p.Directory)}: {string.Join("; ", p.Events)}\n"))
                + "Host log (end):\n" + log[Math.Max(0, log.Length - 15_000)..],
                e);
        }
    }

    private static async Task<string?> OwnerAsync(NpgsqlDataSource dataSource, Guid originalCallId) =>
        await ScalarAsync(dataSource, "SELECT owner_host_id FROM acd_callbacks WHERE original_call_id = $1", originalCallId) as string;

    private static async Task<string?> StateAsync(NpgsqlDataSource dataSource, Guid originalCallId) =>
        await ScalarAsync(dataSource, "SELECT state FROM acd_callbacks WHERE original_call_id = $1", originalCallId) as string;

    private static async Task<Guid?> FindAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters) => await ScalarAsync(dataSource, sql, parameters) as Guid?;

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters) =>
        (long)(await ScalarAsync(dataSource, sql, parameters))!;

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value : null;
    }
}
