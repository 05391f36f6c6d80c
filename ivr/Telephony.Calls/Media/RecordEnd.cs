namespace Telephony.Calls.Media;

public enum RecordEnd
{
    MaxDuration,
    StopDigit,
    CallEnded,
    Cancelled,
}
