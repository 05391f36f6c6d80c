using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transactions;

/// <summary>
/// A stack on a loop network with a fake clock, and a raw peer the test drives by hand: what the peer sends is text,
/// what the stack sends back is collected in <see cref="Received"/>. Everything runs inline (zero workers).
/// </summary>
internal sealed class LoopHarness : IAsyncDisposable, ISipTransportSink
{
    public static readonly IPEndPoint StackAddress = new(IPAddress.Parse("10.0.0.1"), 5060);
    public static readonly IPEndPoint PeerAddress = new(IPAddress.Parse("10.0.0.2"), 5070);

    private readonly LoopSipTransport _peer;

    public LoopHarness(Action<SipStackOptions>? configure = null, RecordingHandler? handler = null, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        Network = new LoopSipNetwork(Time);
        Handler = handler ?? new RecordingHandler();
        var options = new SipStackOptions { WorkerCount = 0, MaxRequestsPerSecondPerSource = 0 };
        configure?.Invoke(options);
        Stack = new SipStack(options, Handler, Time, NullLoggerFactory.Instance, meterFactory, [new LoopSipTransport(Network, StackAddress)]);
        Stack.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _peer = new LoopSipTransport(Network, PeerAddress);
        _peer.Start(this);
    }

    /// <summary>A second peer on the network whose answers also land in <see cref="Received"/>.</summary>
    public LoopSipTransport AddPeer(IPEndPoint address)
    {
        var peer = new LoopSipTransport(Network, address);
        peer.Start(this);
        return peer;
    }

    public FakeTimeProvider Time { get; }

    public LoopSipNetwork Network { get; }

    public RecordingHandler Handler { get; }

    public SipStack Stack { get; }

    public List<SipMessage> Received { get; } = [];

    public SipMessageParser Parser { get; } = new();

    public IEnumerable<SipResponse> Responses(int statusCode) => Received.OfType<SipResponse>().Where(r => r.StatusCode == statusCode);

    public IEnumerable<SipRequest> Requests(SipMethod method) => Received.OfType<SipRequest>().Where(r => r.Method == method);

    /// <summary>Sends text from the peer (line ends normalised to CRLF).</summary>
    public void Send(string message) => _peer.Send(Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n")), StackAddress);

    /// <summary>The peer answers a request the stack sent (To tag "peer" added).</summary>
    public void Reply(SipRequest request, int statusCode, string reasonPhrase, Action<SipMessageBuilder>? decorate = null)
    {
        var response = SipResponse.CreateFor(request, statusCode, reasonPhrase, "peer");
        decorate?.Invoke(response);
        _peer.Send(response.ToArray(), StackAddress);
    }

    /// <summary>An out-of-dialog request from the stack to the peer, without Via (the stack adds it).</summary>
    public static SipMessageBuilder Outgoing(SipMethod method, string callId) =>
        SipMessageBuilder.Request(method, "sip:peer@10.0.0.2:5070")
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .AddHeader(SipHeaderKind.From, "<sip:100@10.0.0.1>;tag=st1")
            .AddHeader(SipHeaderKind.To, "<sip:peer@10.0.0.2>")
            .AddHeader(SipHeaderKind.CallId, callId)
            .AddHeader(SipHeaderKind.CSeq, "1 " + SipMethods.GetName(method));

    /// <summary>Moves the fake clock in small steps so the stack's tick runs as it would in real time.</summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(10);
        for (var elapsed = TimeSpan.Zero; elapsed < by; elapsed += step)
        {
            Time.Advance(step);
        }
    }

    public void OnMessage(SipMessage message, SipSource source) => Received.Add(message);

    public void OnRejected(SipRejection rejection, SipMessage? message, SipSource source) =>
        throw new InvalidOperationException($"The stack sent something unparsable: {rejection}");

    public async ValueTask DisposeAsync()
    {
        await _peer.DisposeAsync();
        await Stack.DisposeAsync();
    }

    public static string Invite(string branch = "z9hG4bKinv1", string callId = "call-1", int cseq = 1, string? toTag = null, string extra = "") => $"""
        INVITE sip:100@10.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.2:5070;branch={branch}
        Max-Forwards: 70
        From: <sip:caller@10.0.0.2>;tag=ft1
        To: <sip:100@10.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} INVITE
        Contact: <sip:caller@10.0.0.2:5070>
        {extra}Content-Length: 0


        """;

    public static string Request(string method, string branch, string callId = "call-1", int cseq = 1, string? toTag = null, string uri = "sip:100@10.0.0.1", string cseqMethod = "") => $"""
        {method} {uri} SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.2:5070;branch={branch}
        Max-Forwards: 70
        From: <sip:caller@10.0.0.2>;tag=ft1
        To: <sip:100@10.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}
        Content-Length: 0


        """;
}
