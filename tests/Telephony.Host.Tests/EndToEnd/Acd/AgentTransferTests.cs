using Npgsql;
using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// An agent's blind transfer with real phones: an Azerbaijani caller for the operator queue reaches 1001, who transfers
/// the call (baresip's REFER) to the admission queue; 1002, who knows admission, takes it and the caller hears 1002.
/// The call keeps one record: first queue, the queue it went to, the agent who finished it, and a transferred event.
/// </summary>
[Collection(AcdEndToEndDefinition.Name)]
public sealed class AgentTransferTests(AcdHostFixture host)
{
    [Fact]
    public async Task Agent_transfers_caller_to_another_queue_the_next_agent_takes_it_and_one_record_tells_both()
    {
        using var supervisor = host.ClientFor("supervisor");
        await using var first = await HotlineDriver.StartAgentPhoneAsync(host, "1001", toneHz: 1000);
        await using var second = await HotlineDriver.StartAgentPhoneAsync(host, "1002", toneHz: 600);
        await HotlineDriver.ArrangeAgentsAsync(supervisor, "1001");

        await using var caller = await HotlineDriver.CallThroughMenuAsync(host, "0551000077", languageKey: '1', topicKey: '0', toneHz: 440);
        await HotlineDriver.DiagnosedAsync(host, first.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, first);
        await HotlineDriver.SetStatusAsync(supervisor, "1002", "available");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await first.TransferAsync($"sip:admission@{host.Registrar}");

        await HotlineDriver.DiagnosedAsync(host, first.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait), caller, first, second);
        await HotlineDriver.DiagnosedAsync(host, second.WaitForEventAsync("CALL_ESTABLISHED", HotlineDriver.Wait), caller, first, second);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await caller.HangupAsync();
        await HotlineDriver.DiagnosedAsync(host, second.WaitForEventAsync("CALL_CLOSED", HotlineDriver.Wait), caller, second);

        var record = await CallRecords.WaitForAsync(supervisor, "0551000077");
        Assert.True(record.GetProperty("agent").GetString() == "1002", "record: " + record.GetRawText());
        Assert.Equal("general", record.GetProperty("queue").GetString());
        Assert.Equal("answered", record.GetProperty("outcome").GetString());
        var callId = record.GetProperty("id").GetGuid();
        Assert.Equal("admission", await TransferredToAsync(callId));
        Assert.Contains(await TransferEventsAsync(callId), e => e.Event == "transferred" && e.Agent == "1001");

        // After the transfer the caller heard 1002's 600 Hz, not 1001's 1000 Hz.
        var callerDump = caller.ReceivedAudio().Single();
        var length = (await AudioAnalysis.MeasureAsync(callerDump)).Seconds;
        var callerHeard = await AudioAnalysis.MeasureAsync(callerDump, TimeSpan.FromSeconds(length - 2.5));
        Assert.True(callerHeard.Rms > 0.05, $"the caller heard near silence from the second agent (RMS {callerHeard.Rms})");
        Assert.InRange(callerHeard.RoughHz, 560, 640);
    }

    /// <summary>The call's queue events once the transferred one is written (it leaves with the call record, through its own writer).</summary>
    private async Task<IReadOnlyList<(string Event, string? Agent)>> TransferEventsAsync(Guid callId)
    {
        var events = await HotlineDriver.QueueEventsAsync(host, callId);
        for (var attempt = 0; attempt < 50 && !events.Any(e => e.Event == "transferred"); attempt++)
        {
            await Task.Delay(200);
            events = await HotlineDriver.QueueEventsAsync(host, callId);
        }

        return events;
    }

    private async Task<string?> TransferredToAsync(Guid callId)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT transferred_to FROM call_records WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", callId);
        return await command.ExecuteScalarAsync() as string;
    }
}
