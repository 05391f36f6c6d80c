using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Telephony.Host.Configuration;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Host.Sip;

/// <summary>
/// Runs the SIP stack on the configured addresses (UDP and TCP on each, TLS on each <c>tls:</c> address). On SIGTERM it stops taking new INVITEs
/// (503) while transactions in progress finish within the shutdown grace period.
/// </summary>
public sealed class SipService(
    TelephonyOptions options,
    SipStackOptions stackOptions,
    SipRequestRouter router,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IMeterFactory meterFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SipService>();
    private volatile string? _startFailure = "not started";

    public SipStack? Stack { get; private set; }

    /// <summary>Why the stack is not listening, or null when it is.</summary>
    public string? StartFailure => _startFailure;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in options.SipListen)
        {
            (endpoint.IsTls ? stackOptions.TlsListen : stackOptions.Listen).Add(endpoint.ToIPEndPoint().ToString());
        }

        SipStack stack;
        try
        {
            SipTlsCertificateSetup.Apply(options, stackOptions, time, _logger);
            stack = new SipStack(stackOptions, router, time, loggerFactory, meterFactory);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            // A missing or unreadable certificate, like a taken port, leaves the pages up and names itself in /healthz.
            _startFailure = $"could not set up SIP: {ex.Message}";
            SipHostLog.NotListening(_logger, _startFailure);
            return;
        }

        router.OnStackCreated(stack);
        try
        {
            await stack.StartAsync(cancellationToken);
            Stack = stack;
            _startFailure = null;
            var transports = string.Join(", ", stack.Health.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Kind} {h.LocalEndPoint}")));
            SipHostLog.Listening(_logger, transports);
        }
        catch (SocketException ex)
        {
            // A taken port must not take the pages and the API down with it: /healthz names the failure instead.
            _startFailure = $"could not listen on {string.Join(", ", stackOptions.Listen.Concat(stackOptions.TlsListen.Select(static t => "tls:" + t)))}: {ex.Message}";
            SipHostLog.NotListening(_logger, _startFailure);
            await stack.DisposeAsync();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Stack is { } stack)
        {
            await stack.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Stack is { } stack)
        {
            await stack.DisposeAsync();
        }
    }

    public IReadOnlyList<SipTransportHealth> Health => Stack?.Health ?? [];
}
