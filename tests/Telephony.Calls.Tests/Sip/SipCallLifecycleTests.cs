using System.Collections.Concurrent;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Sip.Dialogs;

namespace Telephony.Calls.Tests.Sip;

/// <summary>Media timeout, unbridging and statistics of SIP calls, on loopback with a 1 s media inactivity timeout.</summary>
public sealed class SipCallLifecycleTests : IAsyncLifetime
{
    private readonly SipCallHarness _server = new(44200, inactivityTimeout: TimeSpan.FromSeconds(1));
    private readonly TestSipPhone _first = new("first");
    private readonly TestSipPhone _second = new("second");
    private readonly ConcurrentQueue<ICall> _calls = new();
    private readonly ConcurrentQueue<CallEvent> _events = new();

    private static TimeSpan Patience => SipCallHarness.Patience;

    public async Task InitializeAsync()
    {
        _server.Backend.OnIncomingCall(async (call, ended) =>
        {
            call.EventRaised += _events.Enqueue;
            await call.AnswerAsync(ended);
            _calls.Enqueue(call);
            await Task.Delay(Timeout.Infinite, ended);
        });
        await _server.StartAsync();
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Silent_peer_gets_bye_and_the_call_ends_with_media_timeout()
    {
        await _first.CallAsync(_server.Port, "hotline", _first.Offer()).WaitAsync(Patience);

        Assert.Equal(SipDialogEndReason.RemoteBye, await _first.Terminated.WaitAsync(Patience));
        await WaitUntilAsync(() => _events.OfType<CallEnded>().Any());
        Assert.Equal(CallEndReason.MediaTimeout, _events.OfType<CallEnded>().Single().Reason);
    }

    [Fact]
    public async Task Unbridge_separates_the_calls_which_stay_answered()
    {
        var (first, second) = await TwoCallsAsync();
        await first.BridgeAsync(second, null, CancellationToken.None);
        Assert.Equal(CallState.Bridged, second.State);

        await second.UnbridgeAsync(CancellationToken.None);

        Assert.Equal(CallState.Answered, first.State);
        Assert.Equal(CallState.Answered, second.State);
        await WaitUntilAsync(() => _events.OfType<CallUnbridged>().Count() == 2);
        Assert.Equal(2, _events.OfType<CallBridged>().Count());
    }

    [Fact]
    public async Task Partner_hanging_up_leaves_the_other_call_answered_and_unbridged()
    {
        var (first, second) = await TwoCallsAsync();
        await first.BridgeAsync(second, null, CancellationToken.None);

        await second.HangupAsync(CancellationToken.None);

        Assert.Equal(CallState.Answered, first.State);
        Assert.False(first.Ended.IsCancellationRequested);
        await WaitUntilAsync(() => _events.OfType<CallUnbridged>().Any(e => e.CallId == first.Id));
    }

    [Fact]
    public async Task Media_statistics_count_the_packets_received()
    {
        await _first.CallAsync(_server.Port, "hotline", _first.Offer()).WaitAsync(Patience);
        await WaitUntilAsync(() => !_calls.IsEmpty);
        var call = _calls.Single();

        await _first.Rtp.SendToneAsync(_first.RemoteRtp!, 1000, G711Law.MuLaw, TimeSpan.FromMilliseconds(400));
        await WaitUntilAsync(() => call.MediaStatistics.PacketsReceived >= 15);
        await call.HangupAsync(CancellationToken.None);

        Assert.True(call.MediaStatistics.PacketsReceived >= 15, $"{call.MediaStatistics.PacketsReceived} packets");
    }

    private async Task<(ICall First, ICall Second)> TwoCallsAsync()
    {
        await _first.CallAsync(_server.Port, "hotline", _first.Offer()).WaitAsync(Patience);
        await _second.CallAsync(_server.Port, "hotline", _second.Offer()).WaitAsync(Patience);
        await WaitUntilAsync(() => _calls.Count == 2);

        // Keep both legs alive past the 1 s inactivity timeout while the test runs.
        _ = _first.Rtp.SendToneAsync(_first.RemoteRtp!, 1000, G711Law.MuLaw, TimeSpan.FromSeconds(5));
        _ = _second.Rtp.SendToneAsync(_second.RemoteRtp!, 600, G711Law.MuLaw, TimeSpan.FromSeconds(5));
        var calls = _calls.ToArray();
        return (calls[0], calls[1]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
