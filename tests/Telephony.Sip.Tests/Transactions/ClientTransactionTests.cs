using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    private static SipInviteRequest Invite() =>
        new("sip:peer@10.0.0.2:5070", "<sip:100@10.0.0.1>", "<sip:peer@10.0.0.2>", LoopHarness.PeerAddress) { Transport = SipTransportKind.Loop };

    [Fact]
    public async Task NonInviteClient_silent_peer_retransmits_on_timer_E_capped_at_T2_and_times_out_on_F()
    {
        await using var harness = new LoopHarness();
        var response = harness.Stack.SendRequestAsync(LoopHarness.Outgoing(SipMethod.Options, "opt-out"), LoopHarness.PeerAddress, SipTransportKind.Loop);
        Assert.Single(harness.Requests(SipMethod.Options));

        harness.Advance(TimeSpan.FromMilliseconds(520));
        Assert.Equal(2, harness.Requests(SipMethod.Options).Count());
        harness.Advance(TimeSpan.FromSeconds(7));
        // 0, 0.5, 1.5, 3.5, 7.5: the interval has reached T2.
        Assert.Equal(5, harness.Requests(SipMethod.Options).Count());
        harness.Advance(TimeSpan.FromSeconds(24.4));
        Assert.Equal(11, harness.Requests(SipMethod.Options).Count());
        Assert.False(response.IsCompleted);

        harness.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(408, (await response).StatusCode);
        Assert.Equal(11, harness.Requests(SipMethod.Options).Count());
    }

    [Fact]
    public async Task InviteClient_silent_peer_retransmits_on_timer_A_doubling_and_times_out_on_B()
    {
        await using var harness = new LoopHarness();
        var result = harness.Stack.InviteAsync(Invite(), harness.Handler);

        harness.Advance(TimeSpan.FromSeconds(31.9));
        // 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5
        Assert.Equal(7, harness.Requests(SipMethod.Invite).Count());
        Assert.False(result.IsCompleted);
        harness.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(408, (await result).Response.StatusCode);
    }

    [Fact]
    public async Task InviteClient_provisional_stops_timer_A_and_timer_B()
    {
        await using var harness = new LoopHarness();
        var result = harness.Stack.InviteAsync(Invite(), harness.Handler);
        harness.Reply(harness.Requests(SipMethod.Invite).Single(), 180, "Ringing");
        harness.Advance(TimeSpan.FromSeconds(40));

        Assert.Single(harness.Requests(SipMethod.Invite));
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task InviteClient_non_2xx_is_acknowledged_by_the_transaction_and_again_on_retransmission()
    {
        await using var harness = new LoopHarness();
        var result = harness.Stack.InviteAsync(Invite(), harness.Handler);
        var invite = harness.Requests(SipMethod.Invite).Single();
        harness.Reply(invite, 486, "Busy Here");
        harness.Reply(invite, 486, "Busy Here");

        Assert.Equal(486, (await result).Response.StatusCode);
        var acks = harness.Requests(SipMethod.Ack).ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal(invite.Via[0].Branch, acks[0].Via[0].Branch);
        Assert.Equal("peer", acks[0].To.Tag);
    }

    [Fact]
    public async Task InviteClient_cancel_while_ringing_sends_cancel_and_ends_with_487()
    {
        await using var harness = new LoopHarness();
        using var hangUp = new CancellationTokenSource();
        var result = harness.Stack.InviteAsync(Invite(), harness.Handler, cancellationToken: hangUp.Token);
        var invite = harness.Requests(SipMethod.Invite).Single();
        harness.Reply(invite, 180, "Ringing");
        await hangUp.CancelAsync();

        var cancel = harness.Requests(SipMethod.Cancel).Single();
        Assert.Equal(invite.Via[0].Branch, cancel.Via[0].Branch);
        harness.Reply(cancel, 200, "OK");
        harness.Reply(invite, 487, "Request Terminated");

        Assert.Equal(487, (await result).Response.StatusCode);
        Assert.Single(harness.Requests(SipMethod.Ack));
    }

    [Fact]
    public async Task InviteClient_cancel_before_any_provisional_waits_for_the_first_one()
    {
        await using var harness = new LoopHarness();
        using var hangUp = new CancellationTokenSource();
        _ = harness.Stack.InviteAsync(Invite(), harness.Handler, cancellationToken: hangUp.Token);
        await hangUp.CancelAsync();
        Assert.Empty(harness.Requests(SipMethod.Cancel));

        harness.Reply(harness.Requests(SipMethod.Invite).Single(), 100, "Trying");
        Assert.Single(harness.Requests(SipMethod.Cancel));
    }

    [Fact]
    public async Task InviteClient_lost_request_is_retransmitted_and_then_answered()
    {
        await using var harness = new LoopHarness();
        harness.Network.DropNext(1);
        var result = harness.Stack.InviteAsync(Invite(), harness.Handler);
        Assert.Empty(harness.Requests(SipMethod.Invite));
        harness.Advance(TimeSpan.FromMilliseconds(520));

        harness.Reply(harness.Requests(SipMethod.Invite).Single(), 603, "Decline");
        Assert.Equal(603, (await result).Response.StatusCode);
    }

    [Fact]
    public async Task NonInviteClient_duplicated_final_is_absorbed_and_timer_K_ends_the_transaction()
    {
        await using var harness = new LoopHarness();
        var response = harness.Stack.SendRequestAsync(LoopHarness.Outgoing(SipMethod.Message, "dup"), LoopHarness.PeerAddress, SipTransportKind.Loop);
        harness.Network.Duplicate = true;
        harness.Reply(harness.Requests(SipMethod.Message).Single(), 200, "OK");

        Assert.Equal(200, (await response).StatusCode);
        Assert.Equal(1, harness.Stack.Metrics.TransactionsInFlight);
        harness.Advance(TimeSpan.FromSeconds(5.1));
        Assert.Equal(0, harness.Stack.Metrics.TransactionsInFlight);
    }
}
