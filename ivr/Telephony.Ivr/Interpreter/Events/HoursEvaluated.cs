using Telephony.Ivr.Hours;

namespace Telephony.Ivr.Interpreter.Events;

/// <summary>An hours branch found schedule <see cref="ScheduleId"/> in <see cref="State"/> and went to <see cref="Target"/>.</summary>
public sealed record HoursEvaluated(DateTimeOffset At, string NodeId, string ScheduleId, HoursState State, string Target) : IvrEvent(At, NodeId);
