using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Registrar;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.Sip.Tests.Transport;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>A test-side composition: a SipStack on 127.0.0.1 (UDP and TCP, and TLS when given a certificate) whose REGISTERs go to a registrar on the real clock.</summary>
internal sealed class RegistrarStack : IAsyncDisposable
{
    private RegistrarStack(SipStack stack, InMemoryRegistrationStore store, int port, int tlsPort)
    {
        Stack = stack;
        Store = store;
        Port = port;
        TlsPort = tlsPort;
    }

    public SipStack Stack { get; }

    public InMemoryRegistrationStore Store { get; }

    public int Port { get; }

    /// <summary>The TLS listen port, or 0 when the stack was started without a certificate.</summary>
    public int TlsPort { get; }

    public static async Task<RegistrarStack> StartAsync(Action<SipRegistrarOptions>? configure = null, TlsTestCertificate? tls = null)
    {
        var port = FreePort.UdpAndTcp();
        var options = new SipRegistrarOptions { NonceKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) };
        configure?.Invoke(options);
        var credentials = new TestCredentialStore(options.Realm);
        credentials.Add("1001", "Str0ng-Right-Pass");
        credentials.Add("1002", "letmein");
        credentials.Add("1003", "baresip-pass-42");
        var store = new InMemoryRegistrationStore(TimeProvider.System);
        var registrar = new SipRegistrar(options, credentials, store, TimeProvider.System);
        var handler = new SipRegistrarRequestHandler(registrar, new RecordingHandler { Answer = r => r.Respond(404, "Not Found") });
        var stackOptions = new SipStackOptions { WorkerCount = 2 };
        stackOptions.Listen.Add($"127.0.0.1:{port}");
        var tlsPort = 0;
        if (tls is not null)
        {
            tlsPort = FreePort.Tcp();
            stackOptions.TlsListen.Add($"127.0.0.1:{tlsPort}");
            stackOptions.TlsCertificatePath = tls.CertificatePath;
            stackOptions.TlsKeyPath = tls.KeyPath;
        }

        var stack = new SipStack(stackOptions, handler, TimeProvider.System, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        return new RegistrarStack(stack, store, port, tlsPort);
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
