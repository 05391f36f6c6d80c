using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record CallRinging(Guid CallId, DateTimeOffset At) : CallEvent(CallId, At);
