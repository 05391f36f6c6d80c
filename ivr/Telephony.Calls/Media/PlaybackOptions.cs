namespace Telephony.Calls.Media;

/// <summary>How to play: once or looping (music on hold, a queue's waiting loop), and whether a DTMF digit interrupts it.</summary>
public sealed record PlaybackOptions(bool BargeIn = false, bool Loop = false)
{
    public static PlaybackOptions Once { get; } = new();

    public static PlaybackOptions Interruptible { get; } = new(BargeIn: true);
}
