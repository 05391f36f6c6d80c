using System.Collections.Concurrent;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Media.Wav;
using Telephony.Sip.Dialogs;

namespace Telephony.Calls.Tests.Sip;

/// <summary>Inbound SIP calls end to end on loopback: a test phone's SipStack calls our SipStack + SipCallBackend.</summary>
public sealed class SipInboundCallTests : IAsyncLifetime
{
    private readonly SipCallHarness _server = new(44000);
    private readonly TestSipPhone _phone = new("citizen");
    private readonly string _directory = Directory.CreateTempSubdirectory("sipcalls").FullName;

    private static TimeSpan Patience => SipCallHarness.Patience;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        await _phone.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _phone.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Answer_then_play_wav_caller_hears_the_prompt()
    {
        var samples = new short[8000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        var path = Path.Combine(_directory, "prompt.wav");
        using (var writer = WavWriter.Create(path, WavFormat.Pcm8kMono))
        {
            writer.WriteSamples(samples);
        }

        var played = new TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            await call.AnswerAsync(ended);
            played.TrySetResult(await call.PlayAsync([AudioSource.File(path)], PlaybackOptions.Once, ended));
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);
        Assert.Equal(200, result.Response.StatusCode);
        Assert.Equal(PlaybackOutcome.Completed, (await played.Task.WaitAsync(Patience)).Outcome);
        await Task.Delay(200);

        var heard = _phone.Rtp.ReceivedAudio(G711Law.MuLaw);
        ToneAnalysis.AssertDominant(heard, 440, 300, 1000);
    }

    [Fact]
    public async Task Rfc4733_digits_collected_until_the_terminator()
    {
        var collected = new TaskCompletionSource<DigitsResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new ConcurrentQueue<CallEvent>();
        _ = _server.OnNextCall(async (call, ended) =>
        {
            call.EventRaised += events.Enqueue;
            await call.AnswerAsync(ended);
            collected.TrySetResult(await call.CollectDigitsAsync(new DigitCollectionOptions(10, Patience, Patience) { Terminator = '#' }, ended));
        });

        await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);
        await _phone.Rtp.SendDigitsAsync(_phone.RemoteRtp!, "123#");

        var digits = await collected.Task.WaitAsync(Patience);
        Assert.Equal("123", digits.Digits);
        Assert.Equal(DigitsEnd.Terminator, digits.End);
        Assert.IsType<CallAnswered>(events.First());
        Assert.Equal("123#", string.Concat(events.OfType<DtmfReceived>().Select(e => e.Digit)));
    }

    [Fact]
    public async Task Sip_info_digit_is_received_as_dtmf()
    {
        var digit = new TaskCompletionSource<DtmfReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            call.EventRaised += e => _ = e is DtmfReceived d && digit.TrySetResult(d);
            await call.AnswerAsync(ended);
            await Task.Delay(Timeout.Infinite, ended);
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);
        var info = await result.Dialog!.SendInfoAsync("Signal=7\r\nDuration=160\r\n"u8.ToArray(), "application/dtmf-relay").WaitAsync(Patience);

        Assert.Equal(200, info.StatusCode);
        var received = await digit.Task.WaitAsync(Patience);
        Assert.Equal('7', received.Digit);
        Assert.Equal(DtmfSource.SipInfo, received.Source);
    }

    [Fact]
    public async Task Bye_from_the_caller_ends_the_call_as_remote_hangup()
    {
        var ended = new TaskCompletionSource<CallEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var offered = _server.OnNextCall(async (call, token) =>
        {
            call.EventRaised += e => _ = e is CallEnded end && ended.TrySetResult(end);
            await call.AnswerAsync(token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);
        var call = await offered.WaitAsync(Patience);
        await result.Dialog!.SendByeAsync().WaitAsync(Patience);

        Assert.Equal(CallEndReason.RemoteHangup, (await ended.Task.WaitAsync(Patience)).Reason);
        Assert.Equal(CallState.Ended, call.State);
        await WaitUntilAsync(() => call.Ended.IsCancellationRequested && _server.ActiveLegs == 0);
    }

    [Fact]
    public async Task Hangup_by_us_sends_bye_the_phone_hears()
    {
        _ = _server.OnNextCall(async (call, ended) =>
        {
            await call.AnswerAsync(ended);
            await call.HangupAsync(ended);
        });

        await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);

        Assert.Equal(SipDialogEndReason.RemoteBye, await _phone.Terminated.WaitAsync(Patience));
    }

    [Fact]
    public async Task Cancel_before_answer_ends_the_offered_call()
    {
        var ended = new TaskCompletionSource<CallEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        var offered = _server.OnNextCall(async (call, token) =>
        {
            call.EventRaised += e => _ = e is CallEnded end && ended.TrySetResult(end);
            await Task.Delay(Timeout.Infinite, token);
        });

        using var cancel = new CancellationTokenSource();
        var calling = _phone.CallAsync(_server.Port, "hotline", _phone.Offer(), cancellationToken: cancel.Token);
        var call = await offered.WaitAsync(Patience);
        await cancel.CancelAsync();

        var result = await calling.WaitAsync(Patience);
        Assert.Equal(487, result.Response.StatusCode);
        Assert.Equal(CallEndReason.RemoteHangup, (await ended.Task.WaitAsync(Patience)).Reason);
        Assert.Equal(CallState.Ended, call.State);
    }

    [Fact]
    public async Task Offer_with_only_unsupported_codecs_is_refused_with_488()
    {
        var offered = false;
        _server.Backend.OnIncomingCall((_, _) =>
        {
            offered = true;
            return Task.CompletedTask;
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer("18")).WaitAsync(Patience);

        Assert.Equal(488, result.Response.StatusCode);
        Assert.NotNull(result.Response.GetHeaderValue("Warning"));
        Assert.False(offered);
        Assert.Equal(0, _server.ActiveLegs);
    }

    [Fact]
    public async Task Handler_returning_without_answer_rejects_with_480()
    {
        _server.Backend.OnIncomingCall((_, _) => Task.CompletedTask);

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);

        Assert.Equal(480, result.Response.StatusCode);
    }

    [Fact]
    public async Task Reject_busy_answers_486()
    {
        _server.Backend.OnIncomingCall((call, token) => call.RejectAsync(CallRejection.Busy, token));

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);

        Assert.Equal(486, result.Response.StatusCode);
    }

    [Fact]
    public async Task Reinvite_sendonly_puts_the_call_on_hold_and_answers_recvonly()
    {
        var held = new TaskCompletionSource<CallHeld>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            call.EventRaised += e => _ = e is CallHeld h && held.TrySetResult(h);
            await call.AnswerAsync(ended);
            await Task.Delay(Timeout.Infinite, ended);
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", _phone.Offer()).WaitAsync(Patience);
        var hold = _phone.Offer().Replace("o=- 1 1", "o=- 1 2", StringComparison.Ordinal).Replace("a=sendrecv", "a=sendonly", StringComparison.Ordinal);
        var response = await result.Dialog!.SendReInviteAsync(System.Text.Encoding.UTF8.GetBytes(hold)).WaitAsync(Patience);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("a=recvonly", System.Text.Encoding.UTF8.GetString(response.Body.Span), StringComparison.Ordinal);
        Assert.True((await held.Task.WaitAsync(Patience)).OnHold);
    }

    [Fact]
    public async Task Offerless_invite_gets_our_offer_and_an_ack_without_answer_ends_the_call()
    {
        var ended = new TaskCompletionSource<CallEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, token) =>
        {
            call.EventRaised += e => _ = e is CallEnded end && ended.TrySetResult(end);
            await call.AnswerAsync(token);
        });

        var result = await _phone.CallAsync(_server.Port, "hotline", offer: null).WaitAsync(Patience);

        Assert.Equal(200, result.Response.StatusCode);
        Assert.Contains("m=audio", System.Text.Encoding.UTF8.GetString(result.Response.Body.Span), StringComparison.Ordinal);
        Assert.Equal(CallEndReason.Failed, (await ended.Task.WaitAsync(Patience)).Reason);
        Assert.Equal(SipDialogEndReason.RemoteBye, await _phone.Terminated.WaitAsync(Patience));
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
