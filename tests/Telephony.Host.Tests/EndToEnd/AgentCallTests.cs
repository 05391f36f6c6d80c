using System.Net.Http.Json;
using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// A citizen reaches an agent: the agent's real phone (baresip) registers with digest, the caller's phone (baresip)
/// chooses Russian and diploma recognition in the menu, the host rings the agent at the contact it stored, the phone
/// answers by itself, and the two hear each other through our media relay.
/// </summary>
public sealed class AgentCallTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Caller_reaches_the_registered_russian_speaking_agent_and_each_hears_the_others_tone()
    {
        using var supervisor = demo.ClientFor("supervisor");
        foreach (var other in new[] { "1001", "1002", "1004" })
        {
            using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{other}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.True(response.IsSuccessStatusCode, $"log out {other}: {response.StatusCode}");
        }

        var agentCredentials = demo.Credentials.Agents.Single(a => a.Extension == "1003");
        await using var agent = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = "1003",
            Registrar = $"127.0.0.1:{demo.Host.SipPort}",
            Password = agentCredentials.SipPassword,
            AutoAnswer = true,
            ToneHz = 1000,
        });
        await agent.WaitForRegistrationAsync(Wait);
        // Demo agents start available; the agent's phone only has to be registered.
        var agents = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/agents", UriKind.Relative))).RootElement;
        Assert.Equal("available", agents.EnumerateArray().Single(a => a.GetProperty("extension").GetString() == "1003").GetProperty("status").GetString());

        await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "0501234567", ToneHz = 440 });
        await caller.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);

        // Keys typed ahead of the prompts: 2 in the greeting chooses Russian, 4 in the topic menu diploma recognition.
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("2");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("4");

        var answered = await agent.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(60));
        Assert.Equal("CALL_ESTABLISHED", answered.Type);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await caller.HangupAsync();

        // The caller's hang-up ends the agent's leg too.
        await agent.WaitForEventAsync("CALL_CLOSED", Wait);
        await caller.WaitForEventAsync("CALL_CLOSED", Wait);

        var agentHeard = await AudioAnalysis.MeasureAsync(agent.ReceivedAudio().Single(), TimeSpan.FromSeconds(1));
        Assert.True(agentHeard.Rms > 0.05, $"the agent heard near silence (RMS {agentHeard.Rms})");
        Assert.InRange(agentHeard.RoughHz, 400, 480);

        var callerDump = caller.ReceivedAudio().Single();
        var length = (await AudioAnalysis.MeasureAsync(callerDump)).Seconds;
        var callerHeard = await AudioAnalysis.MeasureAsync(callerDump, TimeSpan.FromSeconds(length - 3));
        Assert.True(callerHeard.Rms > 0.05, $"the caller heard near silence from the agent (RMS {callerHeard.Rms})");
        Assert.InRange(callerHeard.RoughHz, 950, 1050);

        var record = await CallRecords.WaitForAsync(supervisor, "0501234567");
        Assert.True(record.GetProperty("agent").GetString() == "1003", "record: " + record.GetRawText());
        Assert.Equal("recognition", record.GetProperty("queue").GetString());
        Assert.Equal("answered", record.GetProperty("outcome").GetString());
    }
}
