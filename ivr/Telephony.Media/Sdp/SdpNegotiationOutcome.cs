namespace Telephony.Media.Sdp;

/// <summary>How an offer/answer exchange ended.</summary>
public enum SdpNegotiationOutcome
{
    /// <summary>An audio stream was agreed.</summary>
    Accepted,

    /// <summary>No audio stream with a codec we share (the call layer answers 488 Not Acceptable Here).</summary>
    NoCommonCodec,

    /// <summary>The offer is unusable (no connection address for the audio stream): answer 488 with a warning.</summary>
    InvalidOffer,

    /// <summary>The answer breaks RFC 3264 rules for our offer (the call layer ends the session).</summary>
    InvalidAnswer,
}
