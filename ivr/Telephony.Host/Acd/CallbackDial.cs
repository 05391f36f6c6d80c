using Telephony.Calls.Control;
using Telephony.Calls.Media;

namespace Telephony.Host.Acd;

/// <summary>
/// The dispatcher's hand-off when a callback's place came up and its agent answered: dial <see cref="Request"/>'s
/// number, bridge it to <see cref="AgentLeg"/> (with <see cref="CreateTap"/> for the recorder) and say how it went.
/// </summary>
public sealed record CallbackDial(
    Guid OriginalCallId,
    QueueCallbackRequest Request,
    string QueueId,
    DateTimeOffset EnqueuedAt,
    string AgentExtension,
    ICall AgentLeg,
    int Attempt)
{
    /// <summary>The recording tap for the citizen's leg bridged to the agent, as for any bridged conversation.</summary>
    public required Func<ICall, IMediaTap?> CreateTap { get; init; }

    public bool IsLastAttempt => Attempt >= Request.Attempts;
}
