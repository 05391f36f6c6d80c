using System.Collections.Concurrent;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Sip.Dialogs;

namespace Telephony.Calls.Tests.Sip;

/// <summary>Outbound SIP calls on loopback: originate to a registered test phone, bridge it with an inbound call.</summary>
public sealed class SipOriginateTests : IAsyncLifetime
{
    private readonly SipCallHarness _server = new(44500);
    private readonly TestSipPhone _citizen = new("citizen");
    private readonly TestSipPhone _agent = new("1001") { AnswerIncoming = true };

    private static TimeSpan Patience => SipCallHarness.Patience;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        await _citizen.StartAsync();
        await _agent.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _citizen.DisposeAsync();
        await _agent.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Originate_to_registered_user_rings_and_answers()
    {
        _server.Register(_agent);
        var events = new ConcurrentQueue<CallEvent>();

        var result = await _server.Backend.OriginateAsync(new OriginateRequest("1001", "hotline", Patience), CancellationToken.None).WaitAsync(Patience);

        Assert.True(result.Answered, $"{result.Failure} {result.ProtocolStatus}");
        var call = result.Call!;
        Assert.Equal(CallDirection.Outbound, call.Direction);
        Assert.Equal(CallState.Answered, call.State);
        Assert.NotEmpty(call.ProtocolCallId);
        call.EventRaised += events.Enqueue;
        await call.HangupAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(SipDialogEndReason.RemoteBye, await _agent.Terminated.WaitAsync(Patience));
        Assert.True(await WaitForAsync(() => call.Ended.IsCancellationRequested));
        Assert.Equal(CallEndReason.LocalHangup, Assert.Single(events.OfType<CallEnded>()).Reason);
    }

    [Fact]
    public async Task Originate_to_unregistered_user_fails_without_dialling()
    {
        var result = await _server.Backend.OriginateAsync(new OriginateRequest("2002", "hotline", Patience), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(OriginateFailure.NotRegistered, result.Failure);
        Assert.Null(result.Call);
    }

    [Fact]
    public async Task Originate_to_a_target_with_sip_syntax_is_not_allowed()
    {
        var result = await _server.Backend.OriginateAsync(new OriginateRequest("1001@evil.example", "hotline", Patience), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(OriginateFailure.NotAllowed, result.Failure);
    }

    [Fact]
    public async Task Originate_to_a_busy_phone_reports_busy()
    {
        await using var busy = new TestSipPhone("1003");
        await busy.StartAsync();
        _server.Register(busy);

        var result = await _server.Backend.OriginateAsync(new OriginateRequest("1003", "hotline", Patience), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(OriginateFailure.Busy, result.Failure);
        Assert.Equal(486, result.ProtocolStatus);
    }

    [Fact]
    public async Task Inbound_call_bridged_with_originated_call_carries_audio_both_ways()
    {
        _server.Register(_agent);
        var bridged = new TaskCompletionSource<ICall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            await call.AnswerAsync(ended);
            var agent = await _server.Backend.OriginateAsync(new OriginateRequest("1001", call.From, Patience) { RelatedCallId = call.Id }, ended);
            await call.BridgeAsync(agent.Call!, null, ended);
            bridged.TrySetResult(agent.Call!);
            await Task.Delay(Timeout.Infinite, ended);
        });

        await _citizen.CallAsync(_server.Port, "hotline", _citizen.Offer()).WaitAsync(Patience);
        var agentCall = await bridged.Task.WaitAsync(Patience);
        Assert.Equal(CallState.Bridged, agentCall.State);

        await Task.WhenAll(
            _citizen.Rtp.SendToneAsync(_citizen.RemoteRtp!, 1000, G711Law.MuLaw, TimeSpan.FromMilliseconds(600)),
            _agent.Rtp.SendToneAsync(_agent.RemoteRtp!, 600, G711Law.MuLaw, TimeSpan.FromMilliseconds(600)));
        await Task.Delay(300);

        ToneAnalysis.AssertDominant(_agent.Rtp.ReceivedAudio(G711Law.MuLaw), 1000, 600);
        ToneAnalysis.AssertDominant(_citizen.Rtp.ReceivedAudio(G711Law.MuLaw), 600, 1000);
    }

    [Fact]
    public async Task Cancelled_originate_sends_cancel_and_reports_cancelled()
    {
        await using var silent = new TestSipPhone("1004") { AnswerIncoming = false, Ignore = true };
        await silent.StartAsync();
        _server.Register(silent);
        using var cancel = new CancellationTokenSource();

        var originating = _server.Backend.OriginateAsync(new OriginateRequest("1004", "hotline", Patience), cancel.Token);
        await silent.Invited.WaitAsync(Patience);
        await cancel.CancelAsync();

        var result = await originating.WaitAsync(Patience);
        Assert.Equal(OriginateFailure.Cancelled, result.Failure);
        await silent.Cancelled.WaitAsync(Patience);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
