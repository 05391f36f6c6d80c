using System.Net;

namespace Telephony.Sip.Transport;

/// <summary>A transport on a <see cref="LoopSipNetwork"/>: unreliable like UDP, so retransmission timers run.</summary>
public sealed class LoopSipTransport : ISipTransport
{
    private readonly LoopSipNetwork _network;
    private ISipTransportSink? _sink;
    private volatile bool _listening;

    public LoopSipTransport(LoopSipNetwork network, IPEndPoint localEndPoint)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        _network = network;
        LocalEndPoint = localEndPoint;
    }

    public SipTransportKind Kind => SipTransportKind.Loop;

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; }

    public bool IsListening => _listening;

    public void Start(ISipTransportSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _network.Attach(this);
        _listening = true;
    }

    public bool Send(ReadOnlySpan<byte> message, IPEndPoint remote, long connectionId = 0) =>
        _listening && _network.Send(message, LocalEndPoint, remote);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listening)
        {
            _listening = false;
            _network.Detach(this);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    internal void Receive(byte[] bytes, IPEndPoint from)
    {
        if (_listening && _sink is not null)
        {
            SipDatagram.Deliver(_sink, bytes, new SipSource(this, from), copy: false);
        }
    }
}
