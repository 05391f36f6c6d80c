using System.Net;
using System.Net.Sockets;
using System.Text;
using Telephony.Calls.Media;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Media.Sdp;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Calls.Tests.Sip;

/// <summary>
/// An INVITE without SDP, sent raw (our UAC helper cannot put an answer in the ACK): our offer goes in the 200 and the
/// answer in the ACK starts the media.
/// </summary>
public sealed class SipOfferlessInviteTests : IAsyncLifetime
{
    private readonly SipCallHarness _server = new(44400);
    private readonly TestRtpPeer _rtp = new();
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public Task InitializeAsync()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 10_000;
        return _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _socket.Dispose();
        _rtp.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Offerless_invite_answer_in_ack_starts_media_and_playback_is_heard()
    {
        var played = new TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            await call.AnswerAsync(ended);
            played.TrySetResult(await call.PlayAsync([AudioSource.Tone(ToneKind.Ringback, TimeSpan.FromSeconds(1))], PlaybackOptions.Once, ended));
        });
        var localPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        var server = new IPEndPoint(IPAddress.Loopback, _server.Port);

        Send(server, $"INVITE sip:hotline@127.0.0.1:{_server.Port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bKoffer1\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:raw@127.0.0.1>;tag=raw1\r\nTo: <sip:hotline@127.0.0.1>\r\nCall-ID: offerless-1@test\r\n"
            + $"CSeq: 1 INVITE\r\nContact: <sip:raw@127.0.0.1:{localPort}>\r\nContent-Length: 0\r\n\r\n");
        var ok = ReceiveFinal();

        Assert.Equal(200, ok.StatusCode);
        var offer = SessionDescription.Parse(Encoding.UTF8.GetString(ok.Body.Span));
        var answer = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {_rtp.Port} RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        Send(server, $"ACK {ok.Contact[0].Address!.Uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bKack1\r\n"
            + $"Max-Forwards: 70\r\nFrom: <sip:raw@127.0.0.1>;tag=raw1\r\nTo: <sip:hotline@127.0.0.1>;tag={ok.To.Tag}\r\nCall-ID: offerless-1@test\r\n"
            + $"CSeq: 1 ACK\r\nContent-Type: application/sdp\r\nContent-Length: {Encoding.UTF8.GetByteCount(answer)}\r\n\r\n{answer}");

        Assert.Equal(PlaybackOutcome.Completed, (await played.Task.WaitAsync(SipCallHarness.Patience)).Outcome);
        Assert.NotEmpty(offer.Media);
        Assert.True(_rtp.ReceivedAudio(G711Law.MuLaw).Length >= 4000, "the playback after the ACK's answer never arrived");
    }

    private void Send(IPEndPoint to, string message) => _socket.SendTo(Encoding.UTF8.GetBytes(message), to);

    private SipResponse ReceiveFinal()
    {
        var buffer = new byte[8192];
        while (true)
        {
            var length = _socket.Receive(buffer);
            _ = new SipMessageParser().ParseDatagramCopy(buffer.AsMemory(0, length), out var message, out _);
            if (message is SipResponse { StatusCode: >= 200 } response)
            {
                return response;
            }
        }
    }
}
