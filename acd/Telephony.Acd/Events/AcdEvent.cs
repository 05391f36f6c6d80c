namespace Telephony.Acd.Events;

/// <summary>A fact the ACD reports; every event carries the virtual or real time it happened.</summary>
public abstract record AcdEvent(DateTimeOffset At);
