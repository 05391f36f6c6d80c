namespace Telephony.Calls.Control;

public enum OriginateFailure
{
    None,
    NoAnswer,
    Busy,
    Rejected,
    NotRegistered,
    NotAllowed,
    Unreachable,
    Cancelled,
}
