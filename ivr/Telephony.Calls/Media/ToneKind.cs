namespace Telephony.Calls.Media;

public enum ToneKind
{
    Ringback,
    Busy,
    Beep,
}
