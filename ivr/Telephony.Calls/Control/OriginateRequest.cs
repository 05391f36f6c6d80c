namespace Telephony.Calls.Control;

/// <summary>
/// An outbound call. <see cref="Target"/> is a registered user (an agent's extension, "1001") or a number on the
/// configured allowlist; the backend refuses anything else, so no caller input can make the server dial out.
/// </summary>
public sealed record OriginateRequest(string Target, string CallerId, TimeSpan RingTimeout)
{
    /// <summary>Shown to an agent's phone, e.g. the citizen's number and the queue.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The call this leg serves (for logs and records): the citizen's call being connected.</summary>
    public Guid? RelatedCallId { get; init; }
}
