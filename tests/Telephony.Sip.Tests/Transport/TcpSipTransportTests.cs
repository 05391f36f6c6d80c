using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

public sealed class TcpSipTransportTests
{
    private static readonly byte[] s_options = Encoding.ASCII.GetBytes(SocketStackFixture.Options("127.0.0.1", 5999, "z9hG4bKtcpt").Replace("UDP", "TCP", StringComparison.Ordinal));

    [Fact]
    public async Task Tcp_idle_connection_is_closed_by_the_sweep_only_after_the_idle_timeout()
    {
        var time = new FakeTimeProvider();
        var sink = new CollectingSink();
        await using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), time, NullLogger.Instance, TimeSpan.FromSeconds(30), 10);
        transport.Start(sink);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(transport.LocalEndPoint);
        await client.SendAsync(s_options);
        await WaitUntilAsync(() => !sink.Messages.IsEmpty);
        Assert.Equal(1, transport.ConnectionCount);

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, transport.CloseIdleConnections());
        Assert.Equal(1, transport.ConnectionCount);
        time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(1, transport.CloseIdleConnections());
        Assert.Equal(0, transport.ConnectionCount);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16]));
    }

    [Fact]
    public async Task Stack_tick_closes_idle_tcp_connections()
    {
        var time = new FakeTimeProvider();
        var port = Telephony.TestKit.Host.FreePort.UdpAndTcp();
        var options = new Telephony.Sip.Stack.SipStackOptions { TcpIdleTimeout = TimeSpan.FromSeconds(4), WorkerCount = 0 };
        options.Listen.Add($"127.0.0.1:{port}");
        await using var stack = new Telephony.Sip.Stack.SipStack(options, new Transactions.RecordingHandler(), time, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        var tcp = stack.Transports.OfType<TcpSipTransport>().Single();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(tcp.LocalEndPoint);
        await WaitUntilAsync(() => tcp.ConnectionCount == 1);

        for (var i = 0; i < 600; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(0, tcp.ConnectionCount);
    }

    [Fact]
    public async Task Tcp_connections_beyond_the_bound_are_refused()
    {
        var sink = new CollectingSink();
        await using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMinutes(5), 1);
        transport.Start(sink);
        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await first.ConnectAsync(transport.LocalEndPoint);
        await WaitUntilAsync(() => transport.ConnectionCount == 1);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await second.ConnectAsync(transport.LocalEndPoint);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await second.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token));
        Assert.Equal(1, transport.ConnectionCount);
    }

    [Fact]
    public async Task Tcp_sends_to_a_new_peer_over_one_connection_reused_for_every_message()
    {
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.Listen(4);
        await using var transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, NullLogger.Instance, TimeSpan.FromMinutes(5), 10);
        transport.Start(new CollectingSink());

        Assert.True(transport.Send(s_options, (IPEndPoint)peer.LocalEndPoint!));
        Assert.True(transport.Send(s_options, (IPEndPoint)peer.LocalEndPoint!));
        using var accepted = await peer.AcceptAsync();
        var framer = new SipStreamFramer();
        var buffer = new byte[8192];
        var length = 0;
        var messages = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (messages < 2)
        {
            length += await accepted.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
            var sequence = new System.Buffers.ReadOnlySequence<byte>(buffer, 0, length);
            messages = 0;
            while (framer.TryReadMessage(ref sequence, out _, out _) == SipParseStatus.Complete)
            {
                messages++;
            }
        }

        Assert.Equal(2, messages);
        Assert.Equal(1, transport.ConnectionCount);
        peer.Blocking = false;
        Assert.Throws<SocketException>(() => peer.Accept());
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
