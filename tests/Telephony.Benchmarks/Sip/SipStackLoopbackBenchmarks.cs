using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Stack;

namespace Telephony.Benchmarks.Sip;

/// <summary>
/// Request-response throughput through the whole stack on loopback UDP: OPTIONS in, transaction, 200 out, measured
/// from a client socket that keeps <see cref="Window"/> requests in flight. Each request is a new transaction (its own
/// branch and Call-ID). Requests per second = 1 / the reported mean time per operation.
/// </summary>
[MemoryDiagnoser]
public class SipStackLoopbackBenchmarks
{
    private const int Window = 64;
    private const string Template =
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:{PORT};branch=z9hG4bK0000000000;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:bench@127.0.0.1>;tag=b1\r\n" +
        "To: <sip:hotline@127.0.0.1>\r\n" +
        "Call-ID: 0000000000@bench\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n";

    private readonly byte[] _receive = new byte[65536];
    private SipStack _stack = null!;
    private Socket _client = null!;
    private IPEndPoint _server = null!;
    private byte[] _request = [];
    private int _branchAt;
    private int _callIdAt;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        var port = FreeUdpPort();
        var options = new SipStackOptions { EnableTcp = false, MaxRequestsPerSecondPerSource = 0, MaxTransactions = 50_000_000, WorkerCount = 2 };
        options.Listen.Add($"127.0.0.1:{port}");
        _stack = new SipStack(options, new RejectingHandler(), TimeProvider.System, NullLoggerFactory.Instance);
        _stack.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _server = new IPEndPoint(IPAddress.Loopback, port);
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000, ReceiveBufferSize = 4 << 20 };
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var text = Template.Replace("{PORT}", ((IPEndPoint)_client.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _request = Encoding.ASCII.GetBytes(text);
        _branchAt = text.IndexOf("z9hG4bK", StringComparison.Ordinal) + 7;
        _callIdAt = text.IndexOf("Call-ID: ", StringComparison.Ordinal) + 9;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _stack.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Window)]
    public int OptionsRoundTrip()
    {
        for (var i = 0; i < Window; i++)
        {
            var id = ++_counter;
            WriteDigits(_request.AsSpan(_branchAt, 10), id);
            WriteDigits(_request.AsSpan(_callIdAt, 10), id);
            _client.SendTo(_request, SocketFlags.None, _server);
        }

        var bytes = 0;
        for (var i = 0; i < Window; i++)
        {
            bytes += _client.Receive(_receive);
        }

        return bytes;
    }

    private static void WriteDigits(Span<byte> target, long value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>OPTIONS is answered by the stack itself; anything else is refused.</summary>
    private sealed class RejectingHandler : ISipRequestHandler
    {
        public void OnRequest(SipServerRequest request) => request.Respond(405, "Method Not Allowed");
    }
}
