namespace Telephony.Calls.Events;

public enum DtmfSource
{
    /// <summary>RFC 4733 telephone-event packets.</summary>
    Rfc4733,

    /// <summary>A SIP INFO request (application/dtmf-relay or application/dtmf).</summary>
    SipInfo,

    /// <summary>Tones in the audio, found by the Goertzel detector (trunks that send no events).</summary>
    InBand,
}
