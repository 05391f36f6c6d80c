using Telephony.Media.Codecs;
using Telephony.Media.Rtp;

namespace Telephony.Media.Sdp;

/// <summary>Our side of one audio stream: where we receive RTP and what we can do, for offers and answers.</summary>
public sealed record SdpLocalMedia
{
    /// <summary>The address peers send RTP to (the c= line), IPv4 or IPv6.</summary>
    public required string Address { get; init; }

    /// <summary>The RTP port (even; RTCP on the next one).</summary>
    public required int Port { get; init; }

    /// <summary>G.711 laws we accept, in our order of preference when we offer.</summary>
    public IReadOnlyList<G711Law> Codecs { get; init; } = [G711Law.MuLaw, G711Law.ALaw];

    /// <summary>Whether we send and accept RFC 4733 telephone-events.</summary>
    public bool TelephoneEvents { get; init; } = true;

    /// <summary>The payload type we offer for telephone-event (answers reuse the offerer's).</summary>
    public byte TelephoneEventPayloadType { get; init; } = RtpPayloadTypes.DefaultTelephoneEvent;

    /// <summary>Our packetisation time in ms, used when the peer does not ask for one we accept.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>What we want to do: send/receive normally, send-only to put the peer on hold.</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>The o= user name.</summary>
    public string Username { get; init; } = "-";

    /// <summary>The o= session id; keep it for the dialog's lifetime.</summary>
    public string SessionId { get; init; } = "0";

    /// <summary>The o= session version; increment it for every changed offer or answer in the dialog.</summary>
    public ulong SessionVersion { get; init; }

    /// <summary>The s= line.</summary>
    public string SessionName { get; init; } = "-";
}
