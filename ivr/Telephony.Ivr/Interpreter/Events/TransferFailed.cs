using Telephony.Calls.Control;

namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The transfer destination was dialled and did not take the call.</summary>
public sealed record TransferFailed(DateTimeOffset At, string NodeId, string Number, OriginateFailure Failure) : IvrEvent(At, NodeId);
