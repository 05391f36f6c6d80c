using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Transactions;

public sealed class NonInviteServerTransactionTests
{
    [Fact]
    public async Task NonInviteServer_retransmitted_request_gets_same_response_until_timer_J()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(200, "OK");
        var message = LoopHarness.Request("MESSAGE", "z9hG4bKmsg1");
        harness.Send(message);
        harness.Send(message);
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(2, harness.Responses(200).Count());

        // Timer J (64*T1) ends the transaction: the same request is then new to the stack.
        harness.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, harness.Stack.Metrics.TransactionsInFlight);
        harness.Send(message);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Options_outside_dialog_is_answered_by_the_stack_with_allow_accept_supported()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKopt1"));

        var ok = harness.Responses(200).Single();
        Assert.Contains("INVITE", ok.Allow);
        Assert.Contains("REGISTER", ok.Allow);
        Assert.Equal("application/sdp", ok.GetHeaderValue("Accept"));
        Assert.NotNull(ok.GetHeaderValue("Supported"));
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task Options_reaches_handler_when_the_TU_overrides()
    {
        await using var harness = new LoopHarness(o => o.AnswerOptions = false);
        harness.Handler.Answer = r => r.Respond(403, "Forbidden");
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKopt2"));

        Assert.Single(harness.Responses(403));
    }

    [Fact]
    public async Task Register_reaches_handler_with_source_and_can_be_challenged()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = r => r.Respond(r.CreateResponse(401, "Unauthorized")
            .AddHeader(SipHeaderKind.WwwAuthenticate, "Digest realm=\"hotline\", nonce=\"abc\", qop=\"auth\""));
        harness.Send(LoopHarness.Request("REGISTER", "z9hG4bKreg1", uri: "sip:10.0.0.1"));

        var request = harness.Handler.Requests.Single();
        Assert.Equal(LoopHarness.PeerAddress, request.RemoteEndPoint);
        var challenge = harness.Responses(401).Single();
        Assert.Equal("hotline", challenge.WwwAuthenticate[0].Realm);
    }

    [Fact]
    public async Task Response_carries_received_and_rport_when_the_request_asked_for_rport()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKopt3").Replace("branch=z9hG4bKopt3", "branch=z9hG4bKopt3;rport", StringComparison.Ordinal)
            .Replace("10.0.0.2:5070;", "192.0.2.99:5999;", StringComparison.Ordinal));

        var via = harness.Responses(200).Single().Via[0];
        Assert.Equal(5070, via.RPort);
        Assert.Equal("10.0.0.2", via.Received);
    }

    [Fact]
    public async Task Handler_that_throws_gets_500_sent_for_it()
    {
        await using var harness = new LoopHarness();
        harness.Handler.Answer = _ => throw new InvalidOperationException("boom");
        harness.Send(LoopHarness.Request("MESSAGE", "z9hG4bKmsg2"));

        Assert.Single(harness.Responses(500));
    }
}
