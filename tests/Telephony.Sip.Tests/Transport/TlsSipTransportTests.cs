using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.Sip.Transport;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Transport;

/// <summary>SIP over TLS on real loopback sockets: an <see cref="SslStream"/> peer on the other end.</summary>
public sealed class TlsSipTransportTests : IDisposable
{
    private readonly TlsTestCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task Tls_stack_answers_options_from_an_SslStream_client_on_the_same_connection()
    {
        await using var stack = await StartStackAsync(new RecordingHandler());
        var tls = stack.Transports.Single(t => t.Kind == SipTransportKind.Tls);
        using var client = new TcpClient();
        await client.ConnectAsync(tls.LocalEndPoint);
        await using var secure = new SslStream(client.GetStream());
        await secure.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost",
        });

        await secure.WriteAsync(Encoding.ASCII.GetBytes(TlsOptions(((IPEndPoint)client.Client.LocalEndPoint!).Port, "z9hG4bKtls1")));
        var response = Assert.IsType<SipResponse>(await ReadMessageAsync(secure));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("TLS", response.Via[0].Transport);
        Assert.Equal("z9hG4bKtls1", response.Via[0].Branch);
        Assert.Contains(stack.Health, h => h.Kind == SipTransportKind.Tls && h.IsListening);
    }

    [Fact]
    public async Task Tls_invite_to_a_tls_peer_carries_a_tls_via_and_a_transport_tls_contact()
    {
        await using var stack = await StartStackAsync(new RecordingHandler());
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.Listen(1);
        var destination = (IPEndPoint)peer.LocalEndPoint!;
        var invite = new SipInviteRequest($"sip:1001@127.0.0.1:{destination.Port};transport=tls", "<sip:100@hotline.test>", "<sip:1001@hotline.test>", destination)
        {
            Transport = SipTransportKind.Tls,
        };
        using var ringing = new CancellationTokenSource();
        var call = stack.InviteAsync(invite, new RecordingHandler(), cancellationToken: ringing.Token);

        using var accepted = await peer.AcceptAsync();
        await using var secure = new SslStream(new NetworkStream(accepted));
        await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate.Settings().Certificate });
        var request = Assert.IsType<SipRequest>(await ReadMessageAsync(secure));

        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("TLS", request.Via[0].Transport);
        Assert.Equal("tls", request.Contact[0].Address!.Uri.Transport);
        await secure.WriteAsync(SipResponse.CreateFor(request, 486, "Busy Here", toTag: "b1").ToArray());
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(486, result.Response.StatusCode);
    }

    [Fact]
    public async Task Tls_client_with_verification_refuses_a_self_signed_peer_and_without_it_delivers()
    {
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.Listen(4);
        var destination = (IPEndPoint)peer.LocalEndPoint!;
        var message = Encoding.ASCII.GetBytes(TlsOptions(5061, "z9hG4bKtls2"));

        await using (var verifying = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMinutes(5), 10, _certificate.Settings(verifyRemote: true)))
        {
            verifying.Start(new CollectingSink());
            Assert.True(verifying.Send(message, destination));
            using var refused = await peer.AcceptAsync();
            await using var secure = new SslStream(new NetworkStream(refused));
            Assert.Null(await ReceiveAfterHandshakeAsync(secure));
        }

        await using var trusting = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMinutes(5), 10, _certificate.Settings(verifyRemote: false));
        trusting.Start(new CollectingSink());
        Assert.True(trusting.Send(message, destination));
        using var accepted = await peer.AcceptAsync();
        await using var delivered = new SslStream(new NetworkStream(accepted));
        await delivered.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate.Settings().Certificate });
        var request = Assert.IsType<SipRequest>(await ReadMessageAsync(delivered));
        Assert.Equal(SipMethod.Options, request.Method);
        Assert.True(trusting.HasOpenConnection(destination));
    }

    [Fact]
    public async Task Tls_peer_that_never_finishes_the_handshake_is_dropped_at_the_handshake_timeout()
    {
        var time = new FakeTimeProvider();
        var settings = new SipTlsSettings(_certificate.Settings().Certificate, false) { HandshakeTimeout = TimeSpan.FromSeconds(10) };
        await using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), time, NullLogger.Instance, TimeSpan.FromMinutes(10), 10, settings);
        transport.Start(new CollectingSink());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(transport.LocalEndPoint);
        await WaitUntilAsync(() => transport.ConnectionCount == 1);

        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(100);
        Assert.Equal(1, transport.ConnectionCount);
        time.Advance(TimeSpan.FromSeconds(2));

        await WaitUntilAsync(() => transport.ConnectionCount == 0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
    }

    [Fact]
    public async Task Tls_listener_given_plain_sip_closes_the_connection_and_delivers_nothing()
    {
        var sink = new CollectingSink();
        await using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMinutes(5), 10, _certificate.Settings());
        transport.Start(sink);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(transport.LocalEndPoint);
        await client.SendAsync(Encoding.ASCII.GetBytes(TlsOptions(5060, "z9hG4bKplain")));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        while (await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
        {
            // A TLS alert may come first; the connection then closes.
        }

        await WaitUntilAsync(() => transport.ConnectionCount == 0);
        Assert.Empty(sink.Messages);
    }

    /// <summary>
    /// The message a TLS client sends after the handshake, or null when it gives up. Under TLS 1.3 the server side
    /// finishes before the client has judged the certificate, so a refusal shows as an alert or a close afterwards.
    /// </summary>
    private async Task<SipMessage?> ReceiveAfterHandshakeAsync(SslStream secure)
    {
        try
        {
            await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate.Settings().Certificate });
            return await ReadMessageAsync(secure);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException)
        {
            return null;
        }
    }

    internal static string TlsOptions(int localPort, string branch) => SocketStackFixture.Options("127.0.0.1", localPort, branch).Replace("SIP/2.0/UDP", "SIP/2.0/TLS", StringComparison.Ordinal);

    internal static async Task<SipMessage?> ReadMessageAsync(Stream stream)
    {
        var framer = new SipStreamFramer();
        var buffer = new byte[16384];
        var length = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var sequence = new ReadOnlySequence<byte>(buffer, 0, length);
            if (framer.TryReadMessage(ref sequence, out var message, out _) == SipParseStatus.Complete)
            {
                return message;
            }
        }
    }

    private async Task<SipStack> StartStackAsync(RecordingHandler handler)
    {
        var options = new SipStackOptions { WorkerCount = 2, EnableTcp = false, TlsVerifyRemoteCertificate = false, TlsCertificatePath = _certificate.CertificatePath, TlsKeyPath = _certificate.KeyPath };
        options.Listen.Add($"127.0.0.1:{FreePort.UdpAndTcp()}");
        options.TlsListen.Add($"127.0.0.1:{FreePort.Tcp()}");
        var stack = new SipStack(options, handler, TimeProvider.System, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        return stack;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class CollectingSink : ISipTransportSink
    {
        public SipMessageParser Parser { get; } = new();

        public ConcurrentQueue<SipMessage> Messages { get; } = new();

        public void OnMessage(SipMessage message, SipSource source) => Messages.Enqueue(message);

        public void OnRejected(SipRejection rejection, SipMessage? message, SipSource source)
        {
        }
    }
}
