namespace Telephony.LoadGenerator.Calls;

/// <summary>Why a call counts as failed.</summary>
internal enum CallFailure
{
    None,

    /// <summary>No final response to the INVITE within the setup timeout.</summary>
    NoAnswer,

    /// <summary>A final response other than 2xx (the status is kept on the call).</summary>
    Rejected,

    /// <summary>200 without a usable SDP answer (no address, no port, or PCMU dropped).</summary>
    BadSdp,

    /// <summary>Answered, but not one RTP packet arrived while it was held.</summary>
    NoMedia,

    /// <summary>The server hung up before the hold time was up.</summary>
    EndedByServer,

    /// <summary>Our BYE got no 200.</summary>
    ByeUnanswered,

    /// <summary>No RTP port pair was free in the generator's own range (a generator limit, not the server's).</summary>
    NoLocalPort,
}
