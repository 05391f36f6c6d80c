namespace Telephony.Media.Codecs;

/// <summary>The two G.711 companding laws, with their static RTP payload types (RFC 3551).</summary>
public enum G711Law
{
    /// <summary>mu-law, RTP payload type 0 (PCMU), WAVE format tag 7.</summary>
    MuLaw = 0,

    /// <summary>A-law, RTP payload type 8 (PCMA), WAVE format tag 6.</summary>
    ALaw = 8,
}
