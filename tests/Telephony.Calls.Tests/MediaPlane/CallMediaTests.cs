using Telephony.Calls.Events;
using Telephony.Calls.Media;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Media.Sdp;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class CallMediaTests : IDisposable
{
    private const uint PeerSsrc = 0x5EED;
    private readonly MediaHarness _harness = new();
    private ushort _peerSequence = 1000;
    private uint _peerTimestamp = 50_000;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task PlayAsync_tone_completes_after_its_duration_as_pcmu_packets()
    {
        var (media, transport) = _harness.CreateLeg();

        var playback = media.PlayAsync([AudioSource.Tone(ToneKind.Beep, TimeSpan.FromMilliseconds(100))], PlaybackOptions.Once, CancellationToken.None);
        _harness.Run(TimeSpan.FromMilliseconds(60));
        Assert.False(playback.IsCompleted);
        _harness.Run(TimeSpan.FromMilliseconds(60));

        Assert.Equal(new PlaybackResult(PlaybackOutcome.Completed), await playback.WaitAsync(TimeSpan.FromSeconds(5)));
        var headers = transport.RtpHeaders;
        Assert.All(headers, header => Assert.Equal(0, header.PayloadType));
        Assert.True(headers.Count >= 5);
        var pcm = Decode(transport.Rtp.Take(5));
        ToneAnalysis.AssertDominant(pcm, 1000, 425, 1500);
    }

    [Fact]
    public async Task PlayAsync_barge_in_digit_stops_playback_and_returns_the_digit()
    {
        var (media, transport) = _harness.CreateLeg();
        var playback = media.PlayAsync([AudioSource.Tone(ToneKind.Beep, TimeSpan.FromSeconds(10))], PlaybackOptions.Interruptible, CancellationToken.None);
        _harness.Run(TimeSpan.FromMilliseconds(100));

        SendDigit(media, '5');

        Assert.Equal(new PlaybackResult(PlaybackOutcome.InterruptedByDigit, '5'), await playback.WaitAsync(TimeSpan.FromSeconds(5)));
        transport.Clear();
        _harness.Run(TimeSpan.FromMilliseconds(100));
        Assert.All(transport.Rtp, packet => Assert.All(packet.AsSpan(12).ToArray(), code => Assert.Equal(MuLaw.Silence, code)));
    }

    [Fact]
    public void PlayAsync_without_barge_in_keeps_playing_through_a_digit()
    {
        var (media, _) = _harness.CreateLeg();
        var playback = media.PlayAsync([AudioSource.Tone(ToneKind.Beep, TimeSpan.FromSeconds(10))], PlaybackOptions.Once, CancellationToken.None);
        _harness.Run(TimeSpan.FromMilliseconds(100));

        SendDigit(media, '5');
        _harness.Run(TimeSpan.FromMilliseconds(100));

        Assert.False(playback.IsCompleted);
    }

    [Fact]
    public async Task CollectDigitsAsync_rfc4733_digits_with_terminator_returns_digits_before_it()
    {
        var (media, _) = _harness.CreateLeg();
        var received = new List<(char, DtmfSource)>();
        media.DigitReceived += (digit, source) => received.Add((digit, source));

        var collect = media.CollectDigitsAsync(new(10, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)) { Terminator = '#' }, CancellationToken.None);
        foreach (var digit in "123#")
        {
            SendDigit(media, digit);
        }

        Assert.Equal(new DigitsResult("123", DigitsEnd.Terminator), await collect.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal([('1', DtmfSource.Rfc4733), ('2', DtmfSource.Rfc4733), ('3', DtmfSource.Rfc4733), ('#', DtmfSource.Rfc4733)], received);
    }

    [Fact]
    public async Task CollectDigitsAsync_digit_during_prompt_is_the_first_digit()
    {
        var (media, _) = _harness.CreateLeg();
        var options = new Telephony.Calls.Media.DigitCollectionOptions(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3))
        {
            Prompt = [AudioSource.Tone(ToneKind.Beep, TimeSpan.FromSeconds(10))],
        };

        var collect = media.CollectDigitsAsync(options, CancellationToken.None);
        _harness.Run(TimeSpan.FromMilliseconds(100));
        SendDigit(media, '4');
        await WaitUntilAsync(() => media.IsCollecting);
        media.InjectDigit('2');
        media.InjectDigit('9');

        Assert.Equal(new DigitsResult("429", DigitsEnd.MaxDigits), await collect.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task CollectDigitsAsync_key_typed_ahead_skips_the_prompt_and_is_the_answer()
    {
        var (media, transport) = _harness.CreateLeg();
        var options = new Telephony.Calls.Media.DigitCollectionOptions(1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3))
        {
            Prompt = [AudioSource.Tone(ToneKind.Beep, TimeSpan.FromSeconds(10))],
            AlreadyPressed = '3',
        };

        var collect = media.CollectDigitsAsync(options, CancellationToken.None);
        _harness.Run(TimeSpan.FromMilliseconds(100));

        Assert.Equal(new DigitsResult("3", DigitsEnd.MaxDigits), await collect.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.All(transport.Rtp, packet => Assert.All(packet.AsSpan(12).ToArray(), code => Assert.Equal(MuLaw.Silence, code)));
    }

    [Fact]
    public async Task CollectDigitsAsync_inter_digit_timeout_on_virtual_time_returns_digits_so_far()
    {
        var (media, _) = _harness.CreateLeg();
        var collect = media.CollectDigitsAsync(new(4, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)), CancellationToken.None);
        await WaitUntilAsync(() => media.IsCollecting);
        media.InjectDigit('8');

        _harness.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(new DigitsResult("8", DigitsEnd.Timeout), await collect.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Dispose_during_playback_ends_it_with_call_ended()
    {
        var (media, transport) = _harness.CreateLeg();
        var playback = media.PlayAsync([AudioSource.Silence(TimeSpan.FromSeconds(10))], PlaybackOptions.Once, CancellationToken.None);

        media.Dispose();

        Assert.Equal(PlaybackOutcome.CallEnded, (await playback.WaitAsync(TimeSpan.FromSeconds(5))).Outcome);
        Assert.Single(transport.Rtcp);
    }

    [Fact]
    public void OnHousekeeping_silent_peer_raises_inactive_once_after_timeout()
    {
        var (media, _) = _harness.CreateLeg();
        var raised = 0;
        media.Inactive += _ => raised++;

        _harness.Time.Advance(_harness.Options.InactivityTimeout - TimeSpan.FromSeconds(1));
        media.OnHousekeeping(_harness.Time.GetTimestamp());
        Assert.Equal(0, raised);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        media.OnHousekeeping(_harness.Time.GetTimestamp());
        media.OnHousekeeping(_harness.Time.GetTimestamp());

        Assert.Equal(1, raised);
    }

    [Fact]
    public void TryUpdate_hold_and_resume_stops_and_restarts_sending()
    {
        var (media, transport) = _harness.CreateLeg();
        _harness.Run(TimeSpan.FromMilliseconds(40));

        Assert.True(media.TryUpdate(media.Audio with { Direction = SdpDirection.RecvOnly }));
        transport.Clear();
        _harness.Run(TimeSpan.FromMilliseconds(100));
        Assert.Empty(transport.Rtp);

        Assert.True(media.TryUpdate(media.Audio with { Direction = SdpDirection.SendRecv }));
        _harness.Run(TimeSpan.FromMilliseconds(100));
        Assert.NotEmpty(transport.Rtp);
    }

    [Fact]
    public void TryUpdate_codec_change_is_refused()
    {
        var (media, _) = _harness.CreateLeg();

        Assert.False(media.TryUpdate(media.Audio with { Codec = G711Law.ALaw, PayloadType = 8 }));
        Assert.Equal(G711Law.MuLaw, media.Audio.Codec);
    }

    private static short[] Decode(IEnumerable<byte[]> packets)
    {
        var codes = packets.SelectMany(packet => packet.Skip(12)).ToArray();
        var pcm = new short[codes.Length];
        MuLaw.Decode(codes, pcm);
        return pcm;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private void SendDigit(Telephony.Calls.MediaPlane.CallMedia media, char digit)
    {
        foreach (var packet in RtpPackets.Digit(PeerSsrc, _peerSequence, _peerTimestamp, digit))
        {
            media.OnRtp(packet, _harness.Time.GetTimestamp());
        }

        _peerSequence += 5;
        _peerTimestamp += 800;
    }
}
