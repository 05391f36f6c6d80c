namespace Telephony.Ivr.Tests.Interpreter;

public enum CallerActionKind
{
    Keys,
    Silence,
    HangUp,
    HangUpDuringPlayback,
    BargeIn,
    Speak,
}
