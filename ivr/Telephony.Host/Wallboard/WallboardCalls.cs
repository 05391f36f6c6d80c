namespace Telephony.Host.Wallboard;

/// <summary>Hotline calls on this server now: in the voice menu, waiting in a queue, talking to an agent.</summary>
public sealed record WallboardCalls(int InIvr, int Waiting, int Talking);
