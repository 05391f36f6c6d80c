namespace Telephony.Media.Rtp;

/// <summary>Payload type numbers we use: the static ones of RFC 3551 and our default dynamic ones.</summary>
public static class RtpPayloadTypes
{
    /// <summary>G.711 mu-law, static.</summary>
    public const byte Pcmu = 0;

    /// <summary>G.711 A-law, static.</summary>
    public const byte Pcma = 8;

    /// <summary>Comfort noise (RFC 3389), static.</summary>
    public const byte ComfortNoise = 13;

    /// <summary>The dynamic number we offer for telephone-event when we make the offer.</summary>
    public const byte DefaultTelephoneEvent = 101;

    /// <summary>The first dynamic payload type.</summary>
    public const byte FirstDynamic = 96;
}
