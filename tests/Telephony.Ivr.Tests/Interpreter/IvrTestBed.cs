using Microsoft.Extensions.Time.Testing;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>An interpreter on virtual time with in-memory ports, and the demo hotline's holiday calendars.</summary>
public sealed class IvrTestBed
{
    /// <summary>Wednesday 25 November 2026, 11:00 in Baku: the demo line is open.</summary>
    public static readonly DateTimeOffset WorkingHours = new(2026, 11, 25, 11, 0, 0, TimeSpan.FromHours(4));

    public IvrTestBed(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? WorkingHours);
        Interpreter = new IvrInterpreter(Prompts, new SpoolVoicemailSink(), Dialer, Time);
    }

    public FakeTimeProvider Time { get; }

    public InMemoryPromptLibrary Prompts { get; } = new();

    public ScriptedDialer Dialer { get; } = new();

    public IvrInterpreter Interpreter { get; }

    public IvrCallContext Context { get; set; } = new() { HolidayCalendars = DemoHotline.ValidationContext().HolidayCalendars };

    public ScriptedCall Call(string from = "0501234567") => new(Time, from);

    public Task<IvrOutcome> RunAsync(ScriptedCall call, MenuTree tree) =>
        Interpreter.RunAsync(call, tree, tree.Version, Context, CancellationToken.None);
}
