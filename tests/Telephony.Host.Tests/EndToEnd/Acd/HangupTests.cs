using Npgsql;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// Either side of an answered call hangs up and both legs end: the caller's hang-up ends the agent's leg; the agent's
/// hang-up sends the caller on to the demo queue's post-call survey (the tree's afterAgent), whose answer is stored,
/// and the menu then ends the call. The call record says answered, with the agent and the talk time.
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class HangupTests(AcdHostFixture host)
{
    [Fact]
    public async Task Caller_hangs_up_the_agents_leg_ends_and_the_record_is_answered()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var agent = await HotlineDriver.StartAgentPhoneAsync(host, "1003", toneHz: 1000);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1003");

        await using var caller = await HotlineDriver.CallThroughMenuAsync(host, "0552000001", languageKey: '3', topicKey: '2');
        await HotlineDriver.DiagnosedAsync(host, agent.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, agent);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await caller.HangupAsync();

        await HotlineDriver.DiagnosedAsync(host, agent.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10)), caller, agent);
        await caller.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));
        var record = await HotlineDriver.CallRecordOfAsync(supervisor, "0552000001");
        Assert.True(record.GetProperty("outcome").GetString() == "answered", "record: " + record.GetRawText());
        Assert.Equal("1003", record.GetProperty("agent").GetString());
        Assert.InRange(record.GetProperty("talkSeconds").GetDouble(), 2, 15);
        await HotlineDriver.WaitForAgentAsync(supervisor, "1003", a => !a.GetProperty("onCall").GetBoolean(), "left the call");
    }

    [Fact]
    public async Task Agent_hangs_up_the_caller_answers_the_survey_and_the_menu_ends_the_call()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var agent = await HotlineDriver.StartAgentPhoneAsync(host, "1001", toneHz: 1000);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1001");

        await using var caller = await HotlineDriver.CallThroughMenuAsync(host, "0552000002", languageKey: '3', topicKey: '2');
        await HotlineDriver.DiagnosedAsync(host, agent.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, agent);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await agent.HangupAsync();
        await agent.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));

        // The caller stays on the line for the survey question, answers 4, and the menu says goodbye and hangs up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(caller.Events, e => e.Type == "CALL_CLOSED");
        await caller.SendDigitsAsync("4");
        await HotlineDriver.DiagnosedAsync(host, caller.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(20)), caller, agent);

        var record = await HotlineDriver.CallRecordOfAsync(supervisor, "0552000002");
        Assert.True(record.GetProperty("outcome").GetString() == "answered", "record: " + record.GetRawText());
        Assert.Equal("1001", record.GetProperty("agent").GetString());
        Assert.InRange(record.GetProperty("talkSeconds").GetDouble(), 2, 15);
        Assert.Contains("survey", record.GetProperty("ivrPath").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((short)4, await SurveyScoreAsync(record.GetProperty("id").GetGuid()));
        await HotlineDriver.WaitForAgentAsync(supervisor, "1001", a => !a.GetProperty("onCall").GetBoolean(), "left the call");
    }

    private async Task<short?> SurveyScoreAsync(Guid callId)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT survey_score FROM call_records WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", callId);
        return await command.ExecuteScalarAsync() is short score ? score : null;
    }
}
