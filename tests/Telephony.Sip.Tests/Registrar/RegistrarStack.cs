using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Registrar;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>A test-side composition: a SipStack on 127.0.0.1 (UDP and TCP) whose REGISTERs go to a registrar on the real clock.</summary>
internal sealed class RegistrarStack : IAsyncDisposable
{
    private RegistrarStack(SipStack stack, InMemoryRegistrationStore store, int port)
    {
        Stack = stack;
        Store = store;
        Port = port;
    }

    public SipStack Stack { get; }

    public InMemoryRegistrationStore Store { get; }

    public int Port { get; }

    public static async Task<RegistrarStack> StartAsync(Action<SipRegistrarOptions>? configure = null)
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
        var stack = new SipStack(stackOptions, handler, TimeProvider.System, NullLoggerFactory.Instance);
        await stack.StartAsync(CancellationToken.None);
        return new RegistrarStack(stack, store, port);
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
