using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Transactions;

public sealed class InviteServerTransactionTests
{
    private static readonly TimeSpan s_t1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task InviteServer_new_invite_answers_100_at_once_and_reaches_handler()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Invite());

        Assert.Single(harness.Responses(100));
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(SipMethod.Invite, harness.Handler.Requests[0].Request.Method);
    }

    [Fact]
    public async Task InviteServer_no_ack_retransmits_final_on_timer_G_until_timer_H()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(486, "Busy Here");
        harness.Send(LoopHarness.Invite());
        Assert.Single(harness.Responses(486));

        // G: T1, 2T1, 4T1, then T2 (4 s) until H at 64*T1 = 32 s: sends at 0.5, 1.5, 3.5, 7.5, 11.5, ... 31.5.
        harness.Advance(TimeSpan.FromMilliseconds(480));
        Assert.Single(harness.Responses(486));
        harness.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal(2, harness.Responses(486).Count());
        harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, harness.Responses(486).Count());
        harness.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(4, harness.Responses(486).Count());
        harness.Advance(TimeSpan.FromSeconds(29));
        var sentBeforeH = harness.Responses(486).Count();
        Assert.Equal(11, sentBeforeH);
        harness.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(sentBeforeH, harness.Responses(486).Count());
        Assert.Equal(0, harness.Stack.Metrics.TransactionsInFlight);
    }

    [Fact]
    public async Task InviteServer_ack_for_non_2xx_is_absorbed_and_stops_retransmission()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(486, "Busy Here");
        harness.Send(LoopHarness.Invite());
        var tag = harness.Responses(486).Single().To.Tag;
        harness.Send(LoopHarness.Request("ACK", "z9hG4bKinv1", toTag: tag));
        harness.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(harness.Responses(486));
        Assert.Single(harness.Handler.Requests);
        Assert.Empty(harness.Handler.Acks);
    }

    [Fact]
    public async Task InviteServer_retransmitted_invite_gets_last_response_without_reaching_handler()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Invite());
        harness.Handler.Requests[0].Respond(180, "Ringing");
        harness.Send(LoopHarness.Invite());

        Assert.Single(harness.Handler.Requests);
        Assert.Equal(2, harness.Responses(180).Count());
    }

    [Fact]
    public async Task InviteServer_2xx_is_retransmitted_by_the_TU_until_ack()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => RecordingHandler.AcceptCall(r, harness.Handler);
        harness.Send(LoopHarness.Invite());
        Assert.Single(harness.Responses(200));

        harness.Advance(s_t1 + TimeSpan.FromMilliseconds(20));
        Assert.Equal(2, harness.Responses(200).Count());
        harness.Advance(2 * s_t1);
        Assert.Equal(3, harness.Responses(200).Count());

        var tag = harness.Responses(200).First().To.Tag;
        harness.Send(LoopHarness.Request("ACK", "z9hG4bKack1", toTag: tag, cseqMethod: "ACK"));
        harness.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(3, harness.Responses(200).Count());
        Assert.Single(harness.Handler.Acks);
    }

    [Fact]
    public async Task InviteServer_2xx_never_acknowledged_ends_dialog_with_bye_after_64_T1()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => RecordingHandler.AcceptCall(r, harness.Handler);
        harness.Send(LoopHarness.Invite());

        harness.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Empty(harness.Requests(SipMethod.Bye));
        harness.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Single(harness.Requests(SipMethod.Bye));
        Assert.Equal([SipDialogEndReason.AckTimeout], harness.Handler.Ended);
    }

    [Fact]
    public async Task Cancel_before_final_answers_200_to_cancel_and_487_to_invite()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Invite());
        harness.Send(LoopHarness.Request("CANCEL", "z9hG4bKinv1"));

        var cancelOk = harness.Responses(200).Single();
        Assert.Equal(SipMethod.Cancel, cancelOk.CSeq.Method);
        var terminated = harness.Responses(487).Single();
        Assert.Equal(SipMethod.Invite, terminated.CSeq.Method);
        Assert.True(harness.Handler.Requests[0].WhenCancelled.IsCompleted);

        // The TU's late answer changes nothing: the INVITE is already final.
        harness.Handler.Requests[0].Respond(200, "OK");
        Assert.Single(harness.Responses(200));
    }

    [Fact]
    public async Task Cancel_after_200_gets_481_and_the_call_stands()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => RecordingHandler.AcceptCall(r, harness.Handler);
        harness.Send(LoopHarness.Invite());
        harness.Send(LoopHarness.Request("CANCEL", "z9hG4bKinv1"));

        Assert.Single(harness.Responses(481));
        Assert.Empty(harness.Responses(487));
        Assert.Empty(harness.Handler.Ended);
    }

    [Fact]
    public async Task Cancel_for_unknown_invite_gets_481()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Request("CANCEL", "z9hG4bKnothing"));

        Assert.Single(harness.Responses(481));
    }

    [Fact]
    public async Task Merged_request_with_other_branch_gets_482()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Invite(branch: "z9hG4bKpath1"));
        harness.Send(LoopHarness.Invite(branch: "z9hG4bKpath2"));

        Assert.Single(harness.Responses(482));
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Rfc2543_invite_without_magic_cookie_matches_retransmission_and_ack()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(603, "Decline");
        harness.Send(LoopHarness.Invite(branch: "old2543"));
        harness.Send(LoopHarness.Invite(branch: "old2543"));
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(2, harness.Responses(603).Count());

        var tag = harness.Responses(603).First().To.Tag;
        harness.Send(LoopHarness.Request("ACK", "old2543", toTag: tag));
        harness.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, harness.Responses(603).Count());
    }

    [Fact]
    public async Task Stray_ack_and_stray_response_are_dropped()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Request("ACK", "z9hG4bKstray", toTag: "nobody"));
        harness.Send("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKnotours
            From: <sip:a@10.0.0.1>;tag=1
            To: <sip:b@10.0.0.2>;tag=2
            Call-ID: stray
            CSeq: 1 OPTIONS
            Content-Length: 0


            """);

        Assert.Empty(harness.Received);
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task Overload_refuses_new_invite_with_503_and_retry_after_but_in_dialog_requests_pass()
    {
        await using var harness = new LoopHarness(o => o.MaxTransactions = 1);
        harness.Send(LoopHarness.Invite(callId: "first"));
        harness.Send(LoopHarness.Invite(branch: "z9hG4bKsecond", callId: "second"));

        var refused = harness.Responses(503).Single();
        Assert.Equal(5u, refused.RetryAfter!.Seconds);
        harness.Send(LoopHarness.Request("BYE", "z9hG4bKbye", callId: "third", cseq: 2, toTag: "x"));
        Assert.Single(harness.Responses(481));
    }

    [Fact]
    public async Task Answered_transactions_kept_for_retransmissions_do_not_count_toward_the_overload_bound()
    {
        await using var harness = new LoopHarness(o => o.MaxTransactions = 1);
        harness.Handler.Answer = r => r.Respond(200, "OK");
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKopt1", callId: "ping-1"));
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKopt2", callId: "ping-2"));
        Assert.Equal(2, harness.Stack.Metrics.TransactionsLingering);

        harness.Handler.Answer = null;
        harness.Send(LoopHarness.Invite(callId: "after-pings"));

        Assert.Empty(harness.Responses(503));
        Assert.Contains(harness.Handler.Requests, r => r.Request.CallId == "after-pings");
        harness.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, harness.Stack.Metrics.TransactionsLingering);
    }
}
