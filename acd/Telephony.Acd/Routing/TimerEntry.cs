namespace Telephony.Acd.Routing;

/// <summary>
/// One scheduled deadline. Entries are never removed early: <see cref="Version"/> is compared with the
/// target's current version when the entry comes due, and a stale entry is skipped.
/// </summary>
internal readonly record struct TimerEntry(TimerKind Kind, AgentSlot? Agent, WaitingCaller? Caller, int Version);
