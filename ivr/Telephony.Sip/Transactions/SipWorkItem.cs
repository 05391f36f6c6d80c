namespace Telephony.Sip.Transactions;

/// <summary>A unit of work for a worker: a static delegate and its state, so posting allocates no closure.</summary>
internal readonly record struct SipWorkItem(Action<object?> Action, object? State);
