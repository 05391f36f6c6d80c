using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

/// <summary>The far end asked to transfer this call (SIP REFER from an agent's phone); the owner decides what to do.</summary>
public sealed record CallTransferRequested(Guid CallId, DateTimeOffset At, string Target) : CallEvent(CallId, At);
