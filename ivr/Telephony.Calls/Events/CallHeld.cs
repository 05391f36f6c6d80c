using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record CallHeld(Guid CallId, DateTimeOffset At, bool OnHold) : CallEvent(CallId, At);
