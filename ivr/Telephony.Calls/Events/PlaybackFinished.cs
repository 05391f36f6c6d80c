using Telephony.Calls.Control;

namespace Telephony.Calls.Events;

public sealed record PlaybackFinished(Guid CallId, DateTimeOffset At, Media.PlaybackOutcome Outcome) : CallEvent(CallId, At);
