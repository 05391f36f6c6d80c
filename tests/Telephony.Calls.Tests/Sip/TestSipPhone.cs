using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Sdp;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.TestKit.Host;

namespace Telephony.Calls.Tests.Sip;

/// <summary>
/// A SIP phone for tests: its own SipStack on loopback UDP and a <see cref="TestRtpPeer"/> for media. It calls out
/// with the stack's UAC API and, when <see cref="AnswerIncoming"/> is set, answers INVITEs (180, then 200 with SDP).
/// </summary>
internal sealed class TestSipPhone : ISipRequestHandler, ISipDialogHandler, IAsyncDisposable
{
    private readonly TaskCompletionSource<SipDialogEndReason> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _invited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipDialog> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestSipPhone(string user)
    {
        User = user;
        Port = FreePort.UdpAndTcp();
        var options = new SipStackOptions { EnableTcp = false, WorkerCount = 2 };
        options.Listen.Add($"127.0.0.1:{Port}");
        Stack = new SipStack(options, this, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public string User { get; }

    public int Port { get; }

    public SipStack Stack { get; }

    public TestRtpPeer Rtp { get; } = new();

    public bool AnswerIncoming { get; init; }

    /// <summary>Leaves INVITEs ringing (180) without a final answer, to be cancelled.</summary>
    public bool Ignore { get; init; }

    /// <summary>Completes when an INVITE arrives.</summary>
    public Task Invited => _invited.Task;

    /// <summary>Completes when the caller cancelled an INVITE left ringing.</summary>
    public Task Cancelled => _cancelled.Task;

    /// <summary>Where our media goes: the RTP address in the other side's SDP.</summary>
    public IPEndPoint? RemoteRtp { get; private set; }

    public Task<SipDialogEndReason> Terminated => _terminated.Task;

    /// <summary>The dialog of an INVITE this phone answered.</summary>
    public Task<SipDialog> Answered => _answered.Task;

    public string ContactUri => $"sip:{User}@127.0.0.1:{Port}";

    public Task StartAsync() => Stack.StartAsync(CancellationToken.None);

    public string Offer(params string[] formats)
    {
        var list = formats.Length == 0 ? ["0", "101"] : formats;
        var text = new StringBuilder()
            .Append("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n")
            .Append(CultureInfo.InvariantCulture, $"m=audio {Rtp.Port} RTP/AVP {string.Join(' ', list)}\r\n");
        foreach (var format in list)
        {
            text.Append(format switch
            {
                "0" => "a=rtpmap:0 PCMU/8000\r\n",
                "8" => "a=rtpmap:8 PCMA/8000\r\n",
                "18" => "a=rtpmap:18 G729/8000\r\n",
                "101" => "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n",
                _ => string.Empty,
            });
        }

        return text.Append("a=sendrecv\r\n").ToString();
    }

    /// <summary>Calls <paramref name="user"/> at the server; the answer's SDP sets <see cref="RemoteRtp"/>.</summary>
    public async Task<SipInviteResult> CallAsync(int serverPort, string user, string? offer, Action<SipResponse>? provisional = null, CancellationToken cancellationToken = default)
    {
        var invite = new SipInviteRequest($"sip:{user}@127.0.0.1:{serverPort}", $"<sip:{User}@127.0.0.1>", $"<sip:{user}@127.0.0.1>", new IPEndPoint(IPAddress.Loopback, serverPort))
        {
            Sdp = offer is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(offer),
        };
        var result = await Stack.InviteAsync(invite, this, provisional, cancellationToken);
        if (result.Response.IsSuccess)
        {
            RemoteRtp = RtpOf(result.Response.Body);
        }

        return result;
    }

    public void OnRequest(SipServerRequest request)
    {
        if (request.Request.Method == SipMethod.Invite && Ignore)
        {
            request.Respond(180, "Ringing");
            request.WhenCancelled.ContinueWith(_ => _cancelled.TrySetResult(), TaskScheduler.Default);
            _invited.TrySetResult();
            return;
        }

        if (request.Request.Method != SipMethod.Invite || !AnswerIncoming)
        {
            request.Respond(486, "Busy Here");
            return;
        }

        RemoteRtp = RtpOf(request.Request.Body);
        request.Respond(180, "Ringing");
        var dialog = request.AcceptDialog(this, Stack.LocalContact(Telephony.Sip.Transport.SipTransportKind.Udp));
        var ok = request.CreateResponse(200, "OK").AddHeader(SipHeaderKind.Contact, dialog.LocalContact);
        ok.SetBody(Encoding.UTF8.GetBytes(Offer()), "application/sdp");
        request.Respond(ok);
        _answered.TrySetResult(dialog);
    }

    void ISipDialogHandler.OnRequest(SipDialog dialog, SipServerRequest request) => request.Respond(200, "OK");

    public void OnAck(SipDialog dialog, SipRequest ack)
    {
    }

    public void OnTerminated(SipDialog dialog, SipDialogEndReason reason) => _terminated.TrySetResult(reason);

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        Rtp.Dispose();
    }

    private static IPEndPoint RtpOf(ReadOnlyMemory<byte> sdp)
    {
        var description = SessionDescription.Parse(Encoding.UTF8.GetString(sdp.Span));
        var media = description.Media[0];
        return new IPEndPoint(IPAddress.Parse(description.ConnectionOf(media)!.Address), media.Port);
    }
}
