using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Transport;

/// <summary>A stack on real loopback sockets (UDP and TCP on 127.0.0.1 and [::1]) with the real clock.</summary>
public sealed class SocketStackFixture : IAsyncLifetime
{
    public int Port { get; } = FreePort.UdpAndTcp();

    public SipStack Stack { get; private set; } = null!;

    internal RecordingHandler Handler { get; } = new() { Answer = r => r.Respond(200, "OK") };

    public async Task InitializeAsync()
    {
        var options = new SipStackOptions { MaxMessageSize = 4000, WorkerCount = 2 };
        options.Listen.Add($"127.0.0.1:{Port}");
        options.Listen.Add($"[::1]:{Port}");
        Stack = new SipStack(options, Handler, TimeProvider.System, NullLoggerFactory.Instance);
        await Stack.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();

    public static string Options(string host, int localPort, string branch, string extraVia = "", string body = "") => $"OPTIONS sip:{host} SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP {host}:{localPort};branch={branch}{extraVia}\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:probe@example.test>;tag=p1\r\nTo: <sip:hotline@example.test>\r\n"
        + $"Call-ID: {branch}@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>Sends a datagram from a fresh socket and waits (5 s at most) for one back.</summary>
    public static SipResponse? Exchange(IPEndPoint stack, Func<int, string> message, int timeoutMs = 5000)
    {
        using var client = new Socket(stack.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = timeoutMs };
        client.Bind(new IPEndPoint(stack.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback, 0));
        var localPort = ((IPEndPoint)client.LocalEndPoint!).Port;
        client.SendTo(Encoding.UTF8.GetBytes(message(localPort)), stack);
        var buffer = new byte[65536];
        try
        {
            var received = client.Receive(buffer);
            new SipMessageParser().ParseDatagramCopy(buffer.AsMemory(0, received), out var response, out _);
            return response as SipResponse;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            return null;
        }
    }
}
