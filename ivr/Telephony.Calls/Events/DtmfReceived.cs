using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record DtmfReceived(Guid CallId, DateTimeOffset At, char Digit, DtmfSource Source) : CallEvent(CallId, At);
