namespace Telephony.Host.Acd;

/// <summary>
/// The call an agent was offered, as the dispatcher knew it at the offer: who calls, in which queue, the language and
/// topic chosen in the menu, and since when the caller waits. Kept per agent until the next offer, so the wrap-up form
/// still knows the call after the caller has gone.
/// </summary>
public sealed record DeskCallCard(
    string CallId,
    string Caller,
    string Queue,
    string? Language,
    string? Topic,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset OfferedAt)
{
    /// <summary>Set when the agent answered; the time waited is then fixed.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }
}
