using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transactions;

/// <summary>The wait states that absorb retransmissions after a final response: timers D and I, and a delayed network.</summary>
public sealed class TransactionLingerTests
{
    [Fact]
    public async Task InviteServer_after_ack_lingers_for_timer_I_then_terminates()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(486, "Busy Here");
        harness.Send(LoopHarness.Invite());
        harness.Send(LoopHarness.Request("ACK", "z9hG4bKinv1", toTag: harness.Responses(486).Single().To.Tag));

        harness.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, harness.Stack.Metrics.TransactionsInFlight);
        harness.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(0, harness.Stack.Metrics.TransactionsInFlight);
    }

    [Fact]
    public async Task InviteClient_after_non_2xx_lingers_for_timer_D_then_terminates()
    {
        await using var harness = new LoopHarness();
        var result = harness.Stack.InviteAsync(
            new SipInviteRequest("sip:peer@10.0.0.2:5070", "<sip:100@10.0.0.1>", "<sip:peer@10.0.0.2>", LoopHarness.PeerAddress) { Transport = SipTransportKind.Loop },
            harness.Handler);
        harness.Reply(harness.Requests(SipMethod.Invite).Single(), 404, "Not Found");
        await result;

        harness.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(1, harness.Stack.Metrics.TransactionsInFlight);
        harness.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(0, harness.Stack.Metrics.TransactionsInFlight);
    }

    [Fact]
    public async Task Delayed_network_answer_arrives_after_the_delay_and_stops_retransmission()
    {
        await using var harness = new LoopHarness();
        harness.Network.Delay = TimeSpan.FromMilliseconds(300);
        var response = harness.Stack.SendRequestAsync(LoopHarness.Outgoing(SipMethod.Options, "slow"), LoopHarness.PeerAddress, SipTransportKind.Loop);
        harness.Advance(TimeSpan.FromMilliseconds(310));
        var options = harness.Requests(SipMethod.Options).Single();
        harness.Reply(options, 200, "OK");
        Assert.False(response.IsCompleted);

        harness.Advance(TimeSpan.FromMilliseconds(310));
        Assert.Equal(200, (await response).StatusCode);
        // Timer E fired once at 500 ms, before the delayed 200 came at 620 ms; after it, nothing more.
        harness.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, harness.Requests(SipMethod.Options).Count());
    }
}
