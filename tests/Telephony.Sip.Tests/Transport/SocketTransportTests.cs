using System.Net;
using System.Net.Sockets;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

public sealed class SocketTransportTests(SocketStackFixture fixture) : IClassFixture<SocketStackFixture>
{
    private IPEndPoint V4 => new(IPAddress.Loopback, fixture.Port);

    private IPEndPoint V6 => new(IPAddress.IPv6Loopback, fixture.Port);

    [Fact]
    public void Udp_ipv4_options_gets_200_with_received_and_rport()
    {
        // The Via names another host and asks for rport: the answer must still reach us (RFC 3581).
        var response = SocketStackFixture.Exchange(V4, port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKu4", ";rport")
            .Replace($"UDP 127.0.0.1:{port}", "UDP 192.0.2.7:5999", StringComparison.Ordinal));

        Assert.NotNull(response);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("127.0.0.1", response.Via[0].Received);
        Assert.NotNull(response.Via[0].RPort);
    }

    [Fact]
    public void Udp_ipv6_options_gets_200()
    {
        var response = SocketStackFixture.Exchange(V6, port => SocketStackFixture.Options("[::1]", port, "z9hG4bKu6"));

        Assert.NotNull(response);
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public void Udp_malformed_request_with_via_gets_400_naming_the_fault()
    {
        var response = SocketStackFixture.Exchange(V4, port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKbad")
            .Replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS", StringComparison.Ordinal));

        Assert.NotNull(response);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("CSeq", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Udp_oversize_message_gets_513_and_garbage_is_dropped_while_the_transport_carries_on()
    {
        var big = SocketStackFixture.Exchange(V4, port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKbig", body: new string('x', 5000)));
        Assert.Equal(513, big?.StatusCode);

        var garbage = SocketStackFixture.Exchange(V4, _ => "\u0001\u0002 not sip at all\r\n\r\n", timeoutMs: 1000);
        Assert.Null(garbage);

        var after = SocketStackFixture.Exchange(V4, port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKafter"));
        Assert.Equal(200, after?.StatusCode);
    }

    [Fact]
    public async Task Tcp_message_split_across_segments_is_framed_and_answered_on_the_same_connection()
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(V4);
        var localPort = ((IPEndPoint)client.LocalEndPoint!).Port;
        var bytes = Encoding.UTF8.GetBytes(SocketStackFixture.Options("127.0.0.1", localPort, "z9hG4bKtcp").Replace("UDP", "TCP", StringComparison.Ordinal));
        await client.SendAsync(bytes.AsMemory(0, 40));
        await Task.Delay(50);
        await client.SendAsync(bytes.AsMemory(40, 60));
        await Task.Delay(50);
        await client.SendAsync(bytes.AsMemory(100));

        var response = await ReadOneAsync(client);
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Tcp_over_ipv6_answers_options()
    {
        using var client = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(V6);
        var localPort = ((IPEndPoint)client.LocalEndPoint!).Port;
        await client.SendAsync(Encoding.UTF8.GetBytes(SocketStackFixture.Options("[::1]", localPort, "z9hG4bKtcp6").Replace("UDP", "TCP", StringComparison.Ordinal)));

        Assert.Equal(200, (await ReadOneAsync(client)).StatusCode);
    }

    [Fact]
    public void Health_lists_udp_and_tcp_on_both_addresses_as_listening()
    {
        var health = fixture.Stack.Health;

        Assert.Equal(4, health.Count);
        Assert.All(health, h => Assert.True(h.IsListening));
        Assert.Contains(health, h => h.Kind == SipTransportKind.Tcp && h.LocalEndPoint.Equals(V6));
        Assert.True(fixture.Stack.IsListening);
    }

    private static async Task<SipResponse> ReadOneAsync(Socket client)
    {
        var framer = new SipStreamFramer();
        var buffer = new byte[8192];
        var length = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            length += await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
            var sequence = new System.Buffers.ReadOnlySequence<byte>(buffer, 0, length);
            if (framer.TryReadMessage(ref sequence, out var message, out _) == SipParseStatus.Complete)
            {
                return (SipResponse)message!;
            }
        }
    }
}
