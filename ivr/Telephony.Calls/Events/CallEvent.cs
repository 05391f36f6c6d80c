using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

/// <summary>Something that happened to a call, raised in order on the call's worker.</summary>
public abstract record CallEvent(Guid CallId, DateTimeOffset At);
