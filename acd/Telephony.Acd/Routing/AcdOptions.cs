namespace Telephony.Acd.Routing;

/// <summary>Engine-wide settings (per-queue settings live on <see cref="Queues.AcdQueue"/>).</summary>
public sealed class AcdOptions
{
    /// <summary>
    /// After the shared store refuses an agent (another process got them), this engine leaves the agent alone
    /// for this long instead of asking again for every waiting caller.
    /// </summary>
    public TimeSpan ReservationConflictBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Weight of the newest handle time in the exponentially weighted average, in (0, 1].</summary>
    public double HandleTimeSmoothing { get; set; } = 0.2;

    /// <summary>Break reason the engine sets when an agent reaches the queue's no-answer limit.</summary>
    public string NoAnswerBreakReason { get; set; } = "no answer";

    public void Validate()
    {
        // Zero would let the engine ask for the same refused agent again at once, ping-ponging with the store.
        if (ReservationConflictBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentException("Acd:ReservationConflictBackoff must be positive.", nameof(ReservationConflictBackoff));
        }

        if (HandleTimeSmoothing is <= 0 or > 1 || double.IsNaN(HandleTimeSmoothing))
        {
            throw new ArgumentException("Acd:HandleTimeSmoothing must be in (0, 1].", nameof(HandleTimeSmoothing));
        }

        if (string.IsNullOrWhiteSpace(NoAnswerBreakReason))
        {
            throw new ArgumentException("Acd:NoAnswerBreakReason must not be empty.", nameof(NoAnswerBreakReason));
        }
    }
}
