using System.Diagnostics.CodeAnalysis;

namespace Telephony.Media.Sdp;

/// <summary>The result of answering an offer or checking an answer.</summary>
/// <param name="Outcome">Whether an audio stream was agreed, and if not, why.</param>
/// <param name="Answer">The SDP answer to send (when answering and accepted).</param>
/// <param name="Audio">The agreed stream (when accepted).</param>
/// <param name="Reason">A human-readable reason when not accepted (for logs and Warning headers).</param>
public sealed record SdpNegotiationResult(SdpNegotiationOutcome Outcome, SessionDescription? Answer, NegotiatedAudio? Audio, string? Reason)
{
    /// <summary>True when an audio stream was agreed.</summary>
    [MemberNotNullWhen(true, nameof(Audio))]
    public bool IsAccepted => Outcome == SdpNegotiationOutcome.Accepted && Audio is not null;

    internal static SdpNegotiationResult Failed(SdpNegotiationOutcome outcome, string reason) => new(outcome, null, null, reason);
}
