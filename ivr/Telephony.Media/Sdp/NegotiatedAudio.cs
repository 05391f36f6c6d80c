using Telephony.Media.Codecs;

namespace Telephony.Media.Sdp;

/// <summary>The audio stream both sides agreed on: what to set the RTP session up with.</summary>
/// <param name="MediaIndex">Position of the audio m= line in the offer and answer.</param>
/// <param name="RemoteAddress">Where to send RTP (may be 0.0.0.0 for a legacy hold).</param>
/// <param name="RemotePort">Remote RTP port.</param>
/// <param name="Codec">The G.711 law both sides use.</param>
/// <param name="PayloadType">The payload type number for that codec (the offerer's numbering).</param>
/// <param name="TelephoneEventPayloadType">The telephone-event payload type, or null when not agreed.</param>
/// <param name="Ptime">Packetisation time to send at, ms.</param>
/// <param name="Direction">Our direction: whether we send and whether we receive.</param>
public sealed record NegotiatedAudio(
    int MediaIndex,
    string RemoteAddress,
    int RemotePort,
    G711Law Codec,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    int Ptime,
    SdpDirection Direction);
