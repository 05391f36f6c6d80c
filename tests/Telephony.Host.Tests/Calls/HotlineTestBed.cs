using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Diagnostics;
using Telephony.Host.Acd;
using Telephony.Host.Calls;
using Telephony.Ivr.Interpreter;

namespace Telephony.Host.Tests.Calls;

/// <summary>
/// The hotline in process: the real dispatcher, interpreter and call flow on a fake clock, with the scripted backend
/// standing in for SIP. Asynchronous hand-offs between the flow and the dispatcher loop are awaited with
/// <see cref="EventuallyAsync"/>; virtual time only moves when a test advances it.
/// </summary>
public sealed class HotlineTestBed : IAsyncDisposable
{
    /// <summary>Wednesday 25 November 2026, 11:00 in Baku: the demo line is open.</summary>
    public static readonly DateTimeOffset WorkingHours = new(2026, 11, 25, 11, 0, 0, TimeSpan.FromHours(4));

    private readonly AcdMetrics _metrics = new();
    private readonly AcdRepairMetrics _repairMetrics = new();

    public HotlineTestBed(AcdConfiguration? configuration = null, HotlineOptions? options = null)
    {
        Backend = new ScriptedCallBackend(Time);
        Configuration = new StaticAcdConfigurationSource(configuration ?? TestAcd.Demo());
        Dispatcher = new AcdDispatcher(
            Time,
            Configuration,
            Reservations,
            AcdEvents,
            Backend,
            Taps,
            _metrics,
            _repairMetrics,
            NullLogger<AcdDispatcher>.Instance);
        var prompts = new TestPromptLibrary();
        var interpreter = new IvrInterpreter(prompts, new TempVoicemailSink(), Backend, Time);
        Flow = new HotlineCallFlow(
            Backend,
            new DemoPublishedMenu(alwaysOpen: false),
            interpreter,
            prompts,
            Dispatcher,
            Records,
            options ?? new HotlineOptions { HostId = "test" },
            Time,
            NullLogger<HotlineCallFlow>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(WorkingHours);

    public ScriptedCallBackend Backend { get; }

    public SwitchableReservationStore Reservations { get; } = new();

    public RecordedAcdEvents AcdEvents { get; } = new();

    public StaticAcdConfigurationSource Configuration { get; }

    public CountingTapFactory Taps { get; } = new();

    public InMemoryCallRecordSink Records { get; } = new();

    public AcdDispatcher Dispatcher { get; }

    public HotlineCallFlow Flow { get; }

    public async Task StartAsync()
    {
        await StartWithoutWaitingAsync();
        await Dispatcher.ConfigurationLoaded.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts dispatcher and flow without waiting for the ACD's configuration (which may be failing to load).</summary>
    public async Task StartWithoutWaitingAsync()
    {
        await Dispatcher.StartAsync(CancellationToken.None);
        await Flow.StartAsync(CancellationToken.None);
    }

    public ScriptedCall Caller(string from = "0501234567", string to = "100") => new(Time, from, to);

    /// <summary>Waits (in real time, briefly) until the asynchronous parts have caught up with the condition.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("Timed out waiting until " + what);
    }

    /// <summary>Moves the fake clock in one-second steps, letting the dispatcher and flows act between steps.</summary>
    public async Task AdvanceAsync(TimeSpan total)
    {
        for (var passed = TimeSpan.Zero; passed < total; passed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
    }

    /// <summary>Moves the fake clock a second at a time until the condition holds (checked between steps).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string what, int maxSeconds = 120)
    {
        for (var second = 0; second <= maxSeconds; second++)
        {
            for (var settle = 0; settle < 5 && !condition(); settle++)
            {
                await Task.Delay(5);
            }

            if (condition())
            {
                return;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"Not reached within {maxSeconds} virtual seconds: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        await Flow.StopAsync(CancellationToken.None);
        await Dispatcher.StopAsync(CancellationToken.None);
        Flow.Dispose();
        Dispatcher.Dispose();
        _metrics.Dispose();
        _repairMetrics.Dispose();
    }
}
