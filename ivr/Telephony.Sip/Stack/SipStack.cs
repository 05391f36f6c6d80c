using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Stack;

/// <summary>
/// The SIP stack: transports (UDP and TCP on each listen address, TLS on each TLS listen address, plus any given), the transaction layer, dialogs and
/// the UAS/UAC core, with every timer on one tick of the injected <see cref="TimeProvider"/>. New out-of-dialog requests
/// go to the <see cref="ISipRequestHandler"/>; in-dialog ones to their dialog's <see cref="ISipDialogHandler"/>.
/// </summary>
public sealed class SipStack : IAsyncDisposable
{
    private readonly SipStackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SipWorkerPool _workers;
    private readonly SipTimerQueue _timers;
    private readonly SipTransactionLayer _layer;
    private readonly SipUserAgentCore _core;
    private readonly List<ISipTransport> _transports = [];
    private readonly SipTlsSettings? _tls;
    private int _started;
    private int _stopped;

    public SipStack(
        SipStackOptions options, ISipRequestHandler handler, TimeProvider time, ILoggerFactory loggerFactory,
        IMeterFactory? meterFactory = null, IEnumerable<ISipTransport>? extraTransports = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger("Telephony.Sip");
        Metrics = new SipMetrics(meterFactory);
        _workers = new SipWorkerPool(options.WorkerCount, _logger);
        _timers = new SipTimerQueue(time, options.TimerTick, _workers);
        _layer = new SipTransactionLayer(options, _timers, _workers, Metrics, _logger);
        _core = new SipUserAgentCore(options, _layer, _timers, _workers, Metrics, handler, _logger);
        foreach (var endPoint in options.ListenEndPoints())
        {
            _transports.Add(new UdpSipTransport(endPoint, _logger));
            if (options.EnableTcp)
            {
                _transports.Add(new TcpSipTransport(endPoint, time, _logger, options.TcpIdleTimeout, options.MaxTcpConnections));
            }
        }

        if (options.TlsListen.Count > 0)
        {
            _tls = new SipTlsSettings(SipTlsCertificates.LoadPem(options.TlsCertificatePath!, options.TlsKeyPath!), options.TlsVerifyRemoteCertificate)
            {
                HandshakeTimeout = options.TlsHandshakeTimeout,
            };
            foreach (var endPoint in options.TlsListenEndPoints())
            {
                _transports.Add(new TcpSipTransport(endPoint, time, _logger, options.TcpIdleTimeout, options.MaxTcpConnections, _tls));
            }
        }

        _transports.AddRange(extraTransports ?? []);
        _core.Transports = _transports;
    }

    public SipMetrics Metrics { get; }

    public IReadOnlyList<ISipTransport> Transports => _transports;

    /// <summary>Each transport's listen endpoint and whether it listens (for the host's /healthz).</summary>
    public IReadOnlyList<SipTransportHealth> Health => _transports.Select(static t => new SipTransportHealth(t.Kind, t.LocalEndPoint, t.IsListening)).ToList();

    /// <summary>True when every transport listens.</summary>
    public bool IsListening => _transports.Count > 0 && _transports.TrueForAll(static t => t.IsListening);

    public bool IsStopping => _layer.Stopping;

    /// <summary>Binds every transport and starts the timer tick.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The stack is already started.");
        }

        foreach (var transport in _transports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            transport.Start(_core);
        }

        _timers.Start();
        if (_transports.OfType<TcpSipTransport>().Any())
        {
            ScheduleHousekeeping();
        }

        SipLog.StackStarted(_logger, _transports.Count);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses new INVITEs with 503 and waits for the transactions in flight to finish, until
    /// <paramref name="cancellationToken"/> (the host's grace period) fires; then closes the transports.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _layer.Stopping = true;
        try
        {
            while (Metrics.TransactionsInFlight > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The grace period is over: stop with what is left.
        }

        SipLog.StackStopped(_logger, (int)Metrics.TransactionsInFlight);
        _timers.Dispose();
        foreach (var transport in _transports)
        {
            await transport.StopAsync(CancellationToken.None);
        }

        await _workers.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Stops without a grace period if the host did not; a stack never started still has its workers to end.
        using var none = new CancellationTokenSource();
        await none.CancelAsync();
        await StopAsync(none.Token);

        Metrics.Dispose();
        _tls?.Certificate.Dispose();
    }

    /// <summary>TCP idle sweeps ride the stack's one timer tick, a quarter of the idle timeout apart.</summary>
    private void ScheduleHousekeeping()
    {
        var period = _options.TcpIdleTimeout / 4 > TimeSpan.FromSeconds(1) ? _options.TcpIdleTimeout / 4 : TimeSpan.FromSeconds(1);
        _timers.Schedule(0, period, static state =>
        {
            var stack = (SipStack)state!;
            foreach (var tcp in stack._transports.OfType<TcpSipTransport>())
            {
                tcp.CloseIdleConnections();
            }

            if (!stack._layer.Stopping)
            {
                stack.ScheduleHousekeeping();
            }
        }, this);
    }

    /// <summary>Sends a request outside any dialog (OPTIONS ping, MESSAGE, NOTIFY...); the stack adds Via.</summary>
    public Task<SipResponse> SendRequestAsync(
        SipMessageBuilder request, IPEndPoint destination, SipTransportKind transport = SipTransportKind.Udp,
        Action<SipResponse>? provisional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        return _core.SendRequestAsync(request, destination, transport, provisional, cancellationToken);
    }

    /// <summary>
    /// Sends an INVITE and waits for its final response; cancelling <paramref name="cancellationToken"/> while it rings
    /// sends CANCEL (the result is then normally 487). On 2xx the stack ACKs and returns the dialog.
    /// </summary>
    public Task<SipInviteResult> InviteAsync(
        SipInviteRequest invite, ISipDialogHandler handler, Action<SipResponse>? provisional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(handler);
        return _core.InviteAsync(invite, handler, provisional, cancellationToken);
    }

    /// <summary>A Contact for this stack on the given transport kind (for 2xx to INVITE, REGISTER bindings...).</summary>
    public string LocalContact(SipTransportKind kind) => _core.LocalContact(_transports.First(t => t.Kind == kind));
}
