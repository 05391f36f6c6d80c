using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.Control;
using Telephony.Calls.Sip;
using Telephony.Calls.Tests.Support;
using Telephony.Sip.Stack;
using Telephony.TestKit.Host;

namespace Telephony.Calls.Tests.Sip;

/// <summary>Our server side on loopback: a SipStack whose request handler is the <see cref="SipCallBackend"/>, a real media plane.</summary>
internal sealed class SipCallHarness : IAsyncDisposable, ISipLocationService
{
    private readonly LoopbackMediaPlane _plane;
    private readonly Dictionary<string, SipLocation> _registered = new(StringComparer.Ordinal);

    public SipCallHarness(int portMin, TimeSpan? inactivityTimeout = null, SipCallBackendOptions? backendOptions = null)
    {
        _plane = new LoopbackMediaPlane(configure: o =>
        {
            (o.PortMin, o.PortMax) = (portMin, portMin + 99);
            o.InactivityTimeout = inactivityTimeout ?? o.InactivityTimeout;
            o.HousekeepingPeriod = TimeSpan.FromMilliseconds(200);
        });
        Port = FreePort.UdpAndTcp();
        var options = new SipStackOptions { EnableTcp = false, WorkerCount = 2 };
        options.Listen.Add($"127.0.0.1:{Port}");
        Backend = new SipCallBackend(_plane.Engine, this, backendOptions ?? new SipCallBackendOptions { Domain = "127.0.0.1" }, null, TimeProvider.System, NullLoggerFactory.Instance);
        Stack = new SipStack(options, Backend, TimeProvider.System, NullLoggerFactory.Instance);
        Backend.Attach(Stack);
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(10);

    public int Port { get; }

    public SipStack Stack { get; }

    public SipCallBackend Backend { get; }

    public int ActiveLegs => _plane.Engine.ActiveLegs;

    public Task StartAsync() => Stack.StartAsync(CancellationToken.None);

    public void Register(TestSipPhone phone) => _registered[phone.User] = new SipLocation(phone.ContactUri, new IPEndPoint(IPAddress.Loopback, phone.Port));

    public Task<IReadOnlyList<SipLocation>> FindContactsAsync(string user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SipLocation>>(_registered.TryGetValue(user, out var location) ? [location] : []);

    /// <summary>Takes the next incoming call: completes with it once the handler runs; the handler then runs <paramref name="script"/>.</summary>
    public Task<ICall> OnNextCall(Func<ICall, CancellationToken, Task> script)
    {
        var offered = new TaskCompletionSource<ICall>(TaskCreationOptions.RunContinuationsAsynchronously);
        Backend.OnIncomingCall(async (call, ended) =>
        {
            offered.TrySetResult(call);
            await script(call, ended);
        });
        return offered.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        _plane.Dispose();
    }
}
