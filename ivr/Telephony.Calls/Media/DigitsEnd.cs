namespace Telephony.Calls.Media;

public enum DigitsEnd
{
    MaxDigits,
    Terminator,
    Timeout,
    CallEnded,
    Cancelled,
}
