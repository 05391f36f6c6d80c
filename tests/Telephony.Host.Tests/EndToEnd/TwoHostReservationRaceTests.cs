using System.Text.Json;
using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// Two real host processes on one PostgreSQL database, both with the demo's agents available, take callers at the same
/// moments and race for the same agents. The agents' phones are registered (by sipsak, which then exits) and never
/// answer, so every offer holds its agent for the whole ring timeout (15 s) and the hosts keep colliding: the first host's callers speak Azerbaijani
/// (1001, 1002, 1004 qualify), the second's Russian (1001, 1002, 1003), and both rank 1001 first. Whichever host takes
/// an agent first pauses it after three unanswered offers; the other host, still holding callers, then takes it over
/// (the agent stays available there). The proof comes from what both hosts wrote:
/// in acd_queue_events no agent's offer overlaps any other offer of that agent, from either host.
/// </summary>
public sealed class TwoHostReservationRaceTests
{
    private const int CallersPerHost = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] OfferEnds = ["ring-no-answer", "answered", "abandoned", "overflowed"];
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Two_hosts_on_one_database_race_for_the_same_agents_and_never_book_one_twice()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("acd-race");
        await using var first = HostProcess.Start(database, null, "--demo", "--demo-always-open");
        await first.WaitForHealthAsync(StartTimeout);
        var credentials = await ReadCredentialsAsync(first);
        await using var second = HostProcess.Start(database, null, "--demo", "--demo-always-open");
        await second.WaitForHealthAsync(StartTimeout);
        HostProcess[] hosts = [first, second];
        foreach (var host in hosts)
        {
            await WaitForAvailableAgentsAsync(host, credentials);
            await WaitForPromptsAsync(host);
        }

        foreach (var agent in credentials.Agents)
        {
            await RegisterSilentPhoneAsync(agent.Extension, agent.SipPassword, first.SipPort);
        }

        await using var dataSource = NpgsqlDataSource.Create(database);
        using var sampling = new CancellationTokenSource();
        var sampler = SampleReservationsAsync(dataSource, sampling.Token);
        var tone = Path.Combine(Directory.CreateTempSubdirectory("race-tone-").FullName, "tone.wav");
        await ExternalTool.RunAsync("sox", TimeSpan.FromSeconds(20), "-n", "-r", "8000", "-c", "1", "-b", "16", tone, "synth", "70", "sine", "440", "vol", "0.2");

        // Every caller presses the operator key (0) for the general queue after choosing a language.
        var callers = Enumerable.Range(0, CallersPerHost * hosts.Length)
            .Select(i => i % 2 == 0
                ? CallAsync(first, 300 + i, language: "1", waitSeconds: 60, 32000 + (i * 20), tone)
                : CallAsync(second, 300 + i, language: "2", waitSeconds: 60, 32000 + (i * 20), tone))
            .ToArray();
        var logs = await Task.WhenAll(callers);
        await sampling.CancelAsync();
        var concurrentHolds = await sampler;

        var events = await WaitForEndedWaitsAsync(dataSource, string.Join("\n----\n", logs));

        // A loaded machine may lose a caller on the way through the menu; two on each host still make the race.
        Assert.All(events.Where(e => e.Event == "joined").GroupBy(e => e.HostId), host => Assert.True(host.Count() >= 2, "too few callers reached the queue:\n" + Describe(events)));
        Assert.Equal(2, events.Where(e => e.Event == "joined").Select(e => e.HostId).Distinct().Count());
        var offers = OfferIntervals(events);
        Assert.True(offers.Select(o => o.Host).Distinct().Count() == 2, "both hosts must have offered callers to agents:\n" + Describe(events));
        Assert.True(offers.GroupBy(o => o.Agent).Any(g => g.Select(o => o.Host).Distinct().Count() == 2), "no agent was offered by both hosts:\n" + Describe(events));
        foreach (var agentOffers in offers.GroupBy(o => o.Agent))
        {
            var ordered = agentOffers.OrderBy(o => o.Start).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                Assert.True(ordered[i].Start >= ordered[i - 1].End,
                    $"agent {agentOffers.Key} booked twice: {ordered[i - 1]} and {ordered[i]}\n" + Describe(events));
            }
        }

        var collisions = hosts.Sum(host => host.Output.Split("is held by another host's call").Length - 1);
        Assert.True(collisions > 0, "the hosts never collided on an agent, so nothing was raced");
        Assert.True(concurrentHolds > 0, "the two hosts never held agents at the same moment");
        await using var left = dataSource.CreateCommand("SELECT count(*) FROM acd_agent_reservations");
        Assert.Equal(0L, (long)(await left.ExecuteScalarAsync())!);
    }

    /// <summary>Registers the agent's phone at an address where nothing answers: every INVITE to it rings until the ring timeout.</summary>
    private static async Task RegisterSilentPhoneAsync(string extension, string sipPassword, int registrarPort)
    {
        var silent = FreePort.UdpAndTcp();
        var (exitCode, output) = await ExternalTool.RunAsync("sipsak", TimeSpan.FromSeconds(30),
            "-U", "-C", $"sip:{extension}@127.0.0.1:{silent}", "-s", $"sip:{extension}@127.0.0.1:{registrarPort}",
            "-a", sipPassword, $"--auth-username={extension}", "-x", "600");
        Assert.True(exitCode == 0, $"agent {extension} could not register: {output}");
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

    private static async Task WaitForAvailableAgentsAsync(HostProcess host, DemoCredentialsFile credentials)
    {
        using var supervisor = new HttpClient { BaseAddress = host.Http.BaseAddress };
        var password = credentials.Users.Single(u => u.User == "supervisor").Password;
        supervisor.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("supervisor:" + password)));
        for (var i = 0; i < 300; i++)
        {
            var agents = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/agents", UriKind.Relative))).RootElement;
            if (agents.EnumerateArray().Count(a => a.GetProperty("status").GetString() == "available") == 4)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the demo agents did not become available on the host\n" + host.Output);
    }

    private static async Task WaitForPromptsAsync(HostProcess host)
    {
        var prompts = Path.Combine(host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 300 && (!Directory.Exists(prompts) || Directory.GetFiles(prompts).Length < 40); i++)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>A baresip caller: dials 100, chooses the language, then the operator (0), waits in the queue and hangs up.</summary>
    private static async Task<string> CallAsync(HostProcess host, int user, string language, int waitSeconds, int rtpBase, string tone)
    {
        var phone = Directory.CreateTempSubdirectory("race-caller-").FullName;
        await File.WriteAllTextAsync(Path.Combine(phone, "config"), $"""
            poll_method epoll
            sip_listen 127.0.0.1:{FreePort.UdpAndTcp()}
            net_interface 127.0.0.1
            rtp_ports {rtpBase}-{rtpBase + 19}
            audio_player aubridge,nil
            audio_alert aubridge,nil
            audio_source aufile,{tone}
            ausrc_srate 8000
            auplay_srate 8000
            ausrc_channels 1
            auplay_channels 1
            statmode_default off
            module_path /usr/lib/baresip/modules
            module stdio.so
            module g711.so
            module aufile.so
            module aubridge.so
            module_tmp uuid.so
            module_tmp account.so
            module_app menu.so
            """);
        await File.WriteAllTextAsync(Path.Combine(phone, "accounts"), $"<sip:{user}@127.0.0.1>;regint=0\n");
        var script = $"sleep 9; echo /sndcode {language}; sleep 9; echo /sndcode 0; sleep {waitSeconds}; echo /hangup; sleep 2";
        var (_, log) = await ExternalTool.RunAsync("bash", TimeSpan.FromSeconds(waitSeconds + 50), "-c",
            $"({script}) | baresip -4 -f {phone} -e '/dial sip:100@127.0.0.1:{host.SipPort}' -t {waitSeconds + 24}");
        return $"caller {user}:\n{log}";
    }

    /// <summary>Counts samples in which both hosts held an agent at once (each sample is one consistent snapshot).</summary>
    private static async Task<int> SampleReservationsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var both = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await using (var command = dataSource.CreateCommand("SELECT count(DISTINCT host_id) FROM acd_agent_reservations"))
                {
                    if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 2)
                    {
                        both++;
                    }
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The callers are done.
        }

        return both;
    }

    /// <summary>Waits until every caller that reached the queue has its abandoned row (the spooled writers flush in batches).</summary>
    private static async Task<IReadOnlyList<StoredEvent>> WaitForEndedWaitsAsync(NpgsqlDataSource dataSource, string callerLogs)
    {
        IReadOnlyList<StoredEvent> events = [];
        for (var i = 0; i < 150; i++)
        {
            events = await ReadEventsAsync(dataSource);
            var joined = events.Where(e => e.Event == "joined").Select(e => e.CallId).ToHashSet();
            if (joined.Count > 0 && joined.SetEquals(events.Where(e => e.Event == "abandoned").Select(e => e.CallId)))
            {
                return events;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"not every caller's wait ended in acd_queue_events:\n{Describe(events)}\n{callerLogs}");
        return events;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlDataSource dataSource)
    {
        var events = new List<StoredEvent>();
        await using var command = dataSource.CreateCommand("SELECT at, call_id, event, agent_id, host_id FROM acd_queue_events ORDER BY at, id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new StoredEvent(
                await reader.GetFieldValueAsync<DateTimeOffset>(0),
                reader.GetGuid(1),
                reader.GetString(2),
                await reader.IsDBNullAsync(3) ? null : reader.GetString(3),
                reader.GetString(4)));
        }

        return events;
    }

    /// <summary>Each offer from its "offered" row to the next row of that call that ends it (open-ended when none did).</summary>
    private static List<Offer> OfferIntervals(IReadOnlyList<StoredEvent> events) =>
        [.. events.Where(e => e.Event == "offered").Select(offered => new Offer(
            offered.AgentId!,
            offered.HostId,
            offered.CallId,
            offered.At,
            events.FirstOrDefault(e => e.CallId == offered.CallId && e.At >= offered.At && OfferEnds.Contains(e.Event))?.At ?? DateTimeOffset.MaxValue))];

    private static string Describe(IEnumerable<StoredEvent> events) => string.Join('\n', events.Select(e => e.ToString()));

    private sealed record StoredEvent(DateTimeOffset At, Guid CallId, string Event, string? AgentId, string HostId);

    private sealed record Offer(string Agent, string Host, Guid CallId, DateTimeOffset Start, DateTimeOffset End);
}
