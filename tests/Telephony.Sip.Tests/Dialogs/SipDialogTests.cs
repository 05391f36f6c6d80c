using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Dialogs;

public sealed class SipDialogTests
{
    private const string RecordRoutes = "Record-Route: <sip:p1@10.0.0.3;lr>, <sip:p2@10.0.0.2:5070;lr>\r\n";

    private static async Task<(LoopHarness Harness, SipDialog Dialog, string Tag)> EstablishedAsync(string extra = "")
    {
        var harness = new LoopHarness();
        harness.Handler.Answer = r => RecordingHandler.AcceptCall(r, harness.Handler);
        harness.Send(LoopHarness.Invite(extra: extra));
        var tag = harness.Responses(200).Single().To.Tag!;
        harness.Send(LoopHarness.Request("ACK", "z9hG4bKack1", toTag: tag, cseqMethod: "ACK"));
        await Task.Yield();
        return (harness, harness.Handler.Requests[0].Dialog!, tag);
    }

    [Fact]
    public async Task UasDialog_takes_id_route_set_and_remote_target_from_the_invite()
    {
        var (harness, dialog, tag) = await EstablishedAsync(RecordRoutes);
        await using var _ = harness;

        Assert.Equal(new SipDialogId("call-1", tag, "ft1"), dialog.Id);
        Assert.Equal(["<sip:p1@10.0.0.3;lr>", "<sip:p2@10.0.0.2:5070;lr>"], dialog.RouteSet);
        Assert.Equal("sip:caller@10.0.0.2:5070", dialog.RemoteTarget);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(2, harness.Responses(200).Single().RecordRoute.Count);
    }

    [Fact]
    public async Task Bye_from_peer_is_answered_200_and_ends_the_dialog()
    {
        var (harness, _, tag) = await EstablishedAsync();
        await using var __ = harness;
        harness.Send(LoopHarness.Request("BYE", "z9hG4bKbye1", cseq: 2, toTag: tag));

        Assert.Single(harness.Responses(200), r => r.CSeq.Method == SipMethod.Bye);
        Assert.Equal([SipDialogEndReason.RemoteBye], harness.Handler.Ended);
        harness.Send(LoopHarness.Request("INFO", "z9hG4bKinfo9", cseq: 3, toTag: tag));
        Assert.Single(harness.Responses(481));
    }

    [Fact]
    public async Task Bye_from_us_follows_the_route_set_with_the_next_cseq()
    {
        var (harness, dialog, _) = await EstablishedAsync(RecordRoutes);
        await using var __ = harness;
        var sent = harness.Network.Sent.Count;
        var bye = dialog.SendByeAsync();

        // The first route is p1 at 10.0.0.3, which is not on the loop network: read the wire.
        var text = harness.Network.Sent.Skip(sent).Single();
        Assert.StartsWith("BYE sip:caller@10.0.0.2:5070 SIP/2.0", text, StringComparison.Ordinal);
        Assert.Contains("Route: <sip:p1@10.0.0.3;lr>\r\nRoute: <sip:p2@10.0.0.2:5070;lr>", text, StringComparison.Ordinal);
        Assert.Contains("CSeq: 1 BYE", text, StringComparison.Ordinal);
        Assert.Equal([SipDialogEndReason.LocalBye], harness.Handler.Ended);
        Assert.False(bye.IsCompleted);
    }

    [Fact]
    public async Task Bye_from_us_without_route_set_reaches_the_remote_target_and_completes()
    {
        var (harness, dialog, tag) = await EstablishedAsync();
        await using var __ = harness;
        var bye = dialog.SendByeAsync();
        var request = harness.Requests(SipMethod.Bye).Single();
        Assert.Equal(tag, request.From.Tag);
        Assert.Equal("ft1", request.To.Tag);
        harness.Reply(request, 200, "OK");

        Assert.Equal(200, (await bye).StatusCode);
    }

    [Fact]
    public async Task In_dialog_request_with_lower_cseq_gets_500()
    {
        var (harness, _, tag) = await EstablishedAsync();
        await using var __ = harness;
        harness.Handler.AnswerInDialog = (_, r) => r.Respond(200, "OK");
        harness.Send(LoopHarness.Request("INFO", "z9hG4bKinfo1", cseq: 5, toTag: tag));
        harness.Send(LoopHarness.Request("INFO", "z9hG4bKinfo2", cseq: 4, toTag: tag));

        Assert.Single(harness.Handler.DialogRequests);
        Assert.Single(harness.Responses(500));
    }

    [Fact]
    public async Task ReInvite_reaches_the_dialog_handler_and_refreshes_the_target()
    {
        var (harness, dialog, tag) = await EstablishedAsync();
        await using var __ = harness;
        harness.Handler.AnswerInDialog = (_, r) => r.Respond(200, "OK");
        harness.Send(LoopHarness.Invite(branch: "z9hG4bKreinv", cseq: 2, toTag: tag).Replace("caller@10.0.0.2:5070>", "caller@10.0.0.2:5070;moved>", StringComparison.Ordinal));

        Assert.Equal(SipMethod.Invite, harness.Handler.DialogRequests.Single().Request.Method);
        Assert.Equal("sip:caller@10.0.0.2:5070;moved", dialog.RemoteTarget);
        Assert.Single(harness.Responses(200), r => r.CSeq.Number == 2);
    }

    [Fact]
    public async Task Refer_is_delivered_and_notify_carries_a_sipfrag()
    {
        var (harness, dialog, tag) = await EstablishedAsync();
        await using var __ = harness;
        harness.Handler.AnswerInDialog = (_, r) => r.Respond(202, "Accepted");
        harness.Send(LoopHarness.Request("REFER", "z9hG4bKref1", cseq: 2, toTag: tag)
            .Replace("Content-Length", "Refer-To: <sip:1001@10.0.0.1>\r\nContent-Length", StringComparison.Ordinal));
        Assert.Single(harness.Responses(202));

        var notify = dialog.SendReferNotifyAsync(200, "OK");
        var request = harness.Requests(SipMethod.Notify).Single();
        Assert.Equal("refer", request.Event!.Value);
        Assert.Equal("message/sipfrag;version=2.0", request.ContentType);
        Assert.Equal("SIP/2.0 200 OK\r\n", System.Text.Encoding.UTF8.GetString(request.Body.Span));
        harness.Reply(request, 200, "OK");
        Assert.Equal(200, (await notify).StatusCode);
    }

    [Fact]
    public async Task UacDialog_reverses_record_route_and_acks_the_2xx_and_its_retransmission()
    {
        await using var harness = new LoopHarness();
        var result = harness.Stack.InviteAsync(
            new SipInviteRequest("sip:peer@10.0.0.2:5070", "<sip:100@10.0.0.1>", "<sip:peer@10.0.0.2>", LoopHarness.PeerAddress) { Transport = SipTransportKind.Loop },
            harness.Handler);
        var invite = harness.Requests(SipMethod.Invite).Single();
        void Ok(SipMessageBuilder b) => b.AddHeader(SipHeaderKind.RecordRoute, "<sip:p2@10.0.0.2:5070;lr>")
            .AddHeader(SipHeaderKind.RecordRoute, "<sip:p1@10.0.0.3;lr>")
            .AddHeader(SipHeaderKind.Contact, "<sip:peer@10.0.0.2:5070>");
        harness.Reply(invite, 200, "OK", Ok);
        var call = await result;

        Assert.NotNull(call.Dialog);
        Assert.Equal(["<sip:p1@10.0.0.3;lr>", "<sip:p2@10.0.0.2:5070;lr>"], call.Dialog!.RouteSet);
        Assert.Equal(new SipDialogId(invite.CallId, invite.From.Tag!, "peer"), call.Dialog.Id);
        Assert.Single(harness.Network.Sent, t => t.StartsWith("ACK sip:peer@10.0.0.2:5070 SIP/2.0", StringComparison.Ordinal));
        harness.Reply(invite, 200, "OK", Ok);
        Assert.Equal(2, harness.Network.Sent.Count(t => t.StartsWith("ACK ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("UPDATE")]
    [InlineData("INFO")]
    [InlineData("OPTIONS")]
    [InlineData("MESSAGE")]
    public async Task In_dialog_requests_other_than_bye_reach_the_dialog_handler(string method)
    {
        var (harness, dialog, tag) = await EstablishedAsync();
        await using var __ = harness;
        harness.Handler.AnswerInDialog = (d, r) => r.Respond(d == dialog ? 200 : 500, "OK");
        harness.Send(LoopHarness.Request(method, "z9hG4bKin" + method, cseq: 2, toTag: tag));

        Assert.Equal(method, harness.Handler.DialogRequests.Single().Request.MethodName);
        Assert.Single(harness.Responses(200), r => r.CSeq.MethodName == method);
        Assert.Empty(harness.Handler.Requests.Skip(1));
    }
}
