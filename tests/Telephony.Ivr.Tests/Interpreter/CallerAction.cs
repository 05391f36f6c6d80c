using Telephony.Calls.Media;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>One thing the scripted caller does when the menu next waits for them.</summary>
public sealed record CallerAction(CallerActionKind Kind, string Digits = "", TimeSpan Duration = default, RecordEnd RecordEnd = RecordEnd.StopDigit)
{
    public static CallerAction Silence { get; } = new(CallerActionKind.Silence);

    public static CallerAction HangUp { get; } = new(CallerActionKind.HangUp);

    public static CallerAction HangUpDuringPlayback { get; } = new(CallerActionKind.HangUpDuringPlayback);

    public static CallerAction Keys(string digits) => new(CallerActionKind.Keys, digits);

    public static CallerAction BargeIn(char digit) => new(CallerActionKind.BargeIn, digit.ToString());

    public static CallerAction Speak(int seconds, RecordEnd end = RecordEnd.StopDigit) => new(CallerActionKind.Speak, Duration: TimeSpan.FromSeconds(seconds), RecordEnd: end);
}
