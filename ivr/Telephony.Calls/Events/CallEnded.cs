using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record CallEnded(Guid CallId, DateTimeOffset At, CallEndReason Reason) : CallEvent(CallId, At);
