using Npgsql;
using Telephony.TestKit.Postgres;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// Two real demo hosts on one database, as behind a load balancer: an agent's status chosen through either host holds
/// on both. Agent 1001 goes available through host A's desk and takes (baresip, auto-answer) a call placed to host B,
/// while everyone else was logged out through A; then a supervisor on B puts 1001 on a break, and A shows the break and
/// offers its next caller to nobody.
/// </summary>
public sealed class TwoHostAgentStatusTests
{
    private static readonly string[] DemoAgents = ["1001", "1002", "1003", "1004"];
    private static readonly TimeSpan Followed = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Status_chosen_through_one_host_routes_on_the_other_and_a_break_forced_on_the_other_stops_offers_on_the_first()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("acd-shared-status");
        var first = new AcdHostFixture();
        var second = new AcdHostFixture();
        var phones = new List<BaresipPhone>();
        try
        {
            await first.StartOnAsync(database);
            await second.StartOnAsync(database, first.Credentials, rtpPortMin: AcdHostFixture.RtpPortMax + 1);
            using var supervisorOnFirst = first.ClientFor("supervisor");
            using var supervisorOnSecond = second.ClientFor("supervisor");
            using var agentOnFirst = first.ClientFor("agent1001");

            // Both hosts start with the demo's agents available; logging them all out through the first host must
            // reach the second, or its callers would still be offered to them.
            foreach (var extension in DemoAgents)
            {
                await HotlineDriver.SetStatusAsync(supervisorOnFirst, extension, "loggedOut");
            }

            foreach (var extension in DemoAgents)
            {
                await HotlineDriver.WaitForAgentAsync(supervisorOnSecond, extension, a => a.GetProperty("status").GetString() == "loggedOut", "logged out on the second host", Followed);
            }

            await HotlineDriver.SetStatusAsync(agentOnFirst, "1001", "available");
            await HotlineDriver.WaitForAgentAsync(supervisorOnSecond, "1001", a => a.GetProperty("status").GetString() == "available", "available on the second host", Followed);
            var agentPhone = await HotlineDriver.StartAgentPhoneAsync(second, "1001", toneHz: 1000);
            phones.Add(agentPhone);

            var callerOnSecond = await HotlineDriver.CallThroughMenuAsync(second, "0556100001", languageKey: '1', topicKey: '0');
            phones.Add(callerOnSecond);
            await HotlineDriver.DiagnosedAsync(second, agentPhone.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(60)), agentPhone, callerOnSecond);
            await agentPhone.HangupAsync();
            await agentPhone.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait);

            var breakForced = DateTimeOffset.UtcNow;
            await HotlineDriver.SetStatusAsync(supervisorOnSecond, "1001", "break", "meeting");
            await HotlineDriver.WaitForAgentAsync(
                supervisorOnFirst,
                "1001",
                a => a.GetProperty("status").GetString() == "break" && a.GetProperty("breakReason").GetString() == "meeting",
                "on the break on the first host",
                Followed);

            // A caller of the first host now waits for nobody: 1001 is the only agent the first host had available.
            var callerOnFirst = await HotlineDriver.CallThroughMenuAsync(first, "0556100002", languageKey: '1', topicKey: '0');
            phones.Add(callerOnFirst);
            await WaitForQueueEventAsync(first, "joined", breakForced);
            await Task.Delay(TimeSpan.FromSeconds(8));
            await callerOnFirst.HangupAsync();
            await WaitForQueueEventAsync(first, "abandoned", breakForced);

            Assert.Equal(0L, await CountAsync(first, "SELECT count(*) FROM acd_queue_events WHERE event = 'offered' AND at > $1", breakForced));
            Assert.Single(agentPhone.Events, e => e.Type == "CALL_ESTABLISHED");
            var agentOnSecond = HotlineDriver.Agent(await HotlineDriver.AgentsAsync(supervisorOnSecond), "1001");
            Assert.Equal("break", agentOnSecond.GetProperty("status").GetString());
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }

            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    /// <summary>Waits until the shared acd_queue_events holds an <paramref name="queueEvent"/> row after <paramref name="since"/> (rows are written in batches).</summary>
    private static async Task WaitForQueueEventAsync(AcdHostFixture host, string queueEvent, DateTimeOffset since)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (await CountAsync(host, "SELECT count(*) FROM acd_queue_events WHERE event = $2 AND at > $1", since, queueEvent) > 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no '{queueEvent}' queue event since {since:O}\n{host.Host.Output[^Math.Min(host.Host.Output.Length, 20_000)..]}");
    }

    private static async Task<long> CountAsync(AcdHostFixture host, string sql, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
