namespace Telephony.Calls.Control;

public enum CallDirection
{
    Inbound,
    Outbound,
}
