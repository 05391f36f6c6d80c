using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record CallAnswered(Guid CallId, DateTimeOffset At) : CallEvent(CallId, At);
