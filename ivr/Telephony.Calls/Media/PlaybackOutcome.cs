namespace Telephony.Calls.Media;

public enum PlaybackOutcome
{
    Completed,
    InterruptedByDigit,
    CallEnded,
    Cancelled,
}
