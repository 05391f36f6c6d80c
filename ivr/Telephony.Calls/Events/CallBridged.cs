using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record CallBridged(Guid CallId, DateTimeOffset At, Guid OtherCallId) : CallEvent(CallId, At);
