using Telephony.Acd.Events;

namespace Telephony.Acd.Routing;

/// <summary>What one input to the engine produced: commands for the host to carry out in order, and events that happened.</summary>
public sealed class AcdResult
{
    internal AcdResult(AcdRejection rejection, AcdCommand[] commands, AcdEvent[] events)
    {
        Rejection = rejection;
        Commands = commands;
        Events = events;
    }

    public AcdRejection Rejection { get; }

    public bool Accepted => Rejection == AcdRejection.None;

    public IReadOnlyList<AcdCommand> Commands { get; }

    public IReadOnlyList<AcdEvent> Events { get; }
}
