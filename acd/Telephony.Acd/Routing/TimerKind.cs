namespace Telephony.Acd.Routing;

internal enum TimerKind
{
    RingTimeout,
    WrapUpEnd,
    ReservationBackoffEnd,
    Relaxation,
    MaxWait,
}
