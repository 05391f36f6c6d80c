using System.Globalization;
using Telephony.Media.Codecs;
using Telephony.Media.Rtp;

namespace Telephony.Media.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one G.711 audio stream with optional RFC 4733 telephone-events.
/// <list type="bullet">
/// <item>Answering: the first offered RTP/AVP audio m= line that shares a codec with us is accepted;
/// the codec is the first one in the offerer's order that we support (PCMU/PCMA), answered alone with
/// the offerer's payload type number, plus telephone-event under the offerer's number when offered.
/// Every other m= line is rejected with port 0. The offered ptime is honoured when it is a multiple
/// of 10 ms up to 60 ms. Directions follow §6.1: sendonly is answered recvonly, recvonly sendonly,
/// inactive inactive, and our own wish (hold) can only narrow that. A legacy hold offer (c=0.0.0.0)
/// counts as an offerer that does not receive.</item>
/// <item>Offering: one audio m= line listing our codecs and telephone-event.</item>
/// <item>Checking an answer: same number and types of m= lines, only payload types we offered, a
/// direction the rules allow, and a connection address.</item>
/// </list>
/// </summary>
public static class SdpNegotiator
{
    private const string AudioProfile = "RTP/AVP";
    private const string TelephoneEventName = "telephone-event";
    private const string TelephoneEventEvents = "0-15";
    private const int MaxPtime = 60;

    /// <summary>Our offer (for an INVITE without SDP, or a re-INVITE we start).</summary>
    public static SessionDescription CreateOffer(SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var law in local.Codecs.Distinct())
        {
            var payloadType = (byte)law;
            formats.Add(payloadType.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(payloadType, EncodingName(law), G711.SampleRate).ToString()));
        }

        if (local.TelephoneEvents)
        {
            AddTelephoneEvent(formats, attributes, local.TelephoneEventPayloadType);
        }

        attributes.Add(new SdpAttribute("ptime", local.Ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(local.Direction.ToAttributeName()));
        return Describe(local, [AudioSection(local.Port, AudioProfile, formats, attributes)]);
    }

    /// <summary>Answers a remote offer.</summary>
    public static SdpNegotiationResult Answer(SessionDescription offer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        var answered = new List<MediaDescription>(offer.Media.Count);
        NegotiatedAudio? audio = null;
        string? missingConnection = null;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var media = offer.Media[index];
            if (audio is null && IsUsableAudio(media) && ChooseCodec(media, local.Codecs) is { } codec)
            {
                var connection = offer.ConnectionOf(media);
                if (connection is null)
                {
                    missingConnection = $"m= line {index + 1} has no connection address";
                    answered.Add(Rejected(media));
                    continue;
                }

                var offered = offer.DirectionOf(media);
                if (connection.IsUnspecified)
                {
                    offered = SdpDirectionExtensions.FromAbilities(offered.Sends(), receives: false);
                }

                var ours = offered.AnswerTo(local.Direction);
                var eventPayloadType = local.TelephoneEvents ? FindTelephoneEvent(media) : null;
                var ptime = media.Ptime is { } asked && IsAcceptablePtime(asked) ? asked : local.Ptime;
                audio = new NegotiatedAudio(index, connection.Address, media.Port, codec.Law, codec.PayloadType, eventPayloadType, ptime, ours);
                answered.Add(AnswerSection(media, local, audio));
                continue;
            }

            answered.Add(Rejected(media));
        }

        if (audio is null)
        {
            return missingConnection is not null
                ? SdpNegotiationResult.Failed(SdpNegotiationOutcome.InvalidOffer, missingConnection)
                : SdpNegotiationResult.Failed(SdpNegotiationOutcome.NoCommonCodec, "no RTP/AVP audio stream offers PCMU or PCMA");
        }

        return new SdpNegotiationResult(SdpNegotiationOutcome.Accepted, Describe(local, answered), audio, null);
    }

    /// <summary>Checks the answer to our <paramref name="offer"/> and extracts the agreed stream.</summary>
    public static SdpNegotiationResult AcceptAnswer(SessionDescription offer, SessionDescription answer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(local);
        if (answer.Media.Count != offer.Media.Count)
        {
            return Invalid($"the answer has {answer.Media.Count} m= lines, the offer {offer.Media.Count}");
        }

        for (var index = 0; index < offer.Media.Count; index++)
        {
            if (!string.Equals(offer.Media[index].Media, answer.Media[index].Media, StringComparison.Ordinal))
            {
                return Invalid($"m= line {index + 1} is {answer.Media[index].Media} in the answer but {offer.Media[index].Media} in the offer");
            }
        }

        var audioIndex = FindIndex(offer.Media, m => IsUsableAudio(m));
        if (audioIndex < 0)
        {
            return Invalid("our offer has no audio stream");
        }

        var offered = offer.Media[audioIndex];
        var answered = answer.Media[audioIndex];
        if (answered.IsRejected)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationOutcome.NoCommonCodec, "the peer rejected the audio stream");
        }

        var offeredTypes = offered.PayloadTypes.ToHashSet();
        foreach (var payloadType in answered.PayloadTypes)
        {
            if (!offeredTypes.Contains(payloadType))
            {
                return Invalid($"the answer uses payload type {payloadType}, which we did not offer");
            }
        }

        if (ChooseCodec(answered, local.Codecs) is not { } codec)
        {
            return SdpNegotiationResult.Failed(SdpNegotiationOutcome.NoCommonCodec, "the answer lists no codec we offered");
        }

        var answeredDirection = answer.DirectionOf(answered);
        var ourDirection = offer.DirectionOf(offered);
        if (!IsAllowedAnswer(ourDirection, answeredDirection))
        {
            return Invalid($"a {answeredDirection.ToAttributeName()} answer to a {ourDirection.ToAttributeName()} offer");
        }

        if (answer.ConnectionOf(answered) is not { } connection)
        {
            return Invalid("the audio stream has no connection address");
        }

        var ptime = answered.Ptime is { } asked && IsAcceptablePtime(asked) ? asked : local.Ptime;
        var ours = SdpDirectionExtensions.FromAbilities(ourDirection.Sends() && answeredDirection.Receives(), ourDirection.Receives() && answeredDirection.Sends());
        var eventPayloadType = local.TelephoneEvents ? FindTelephoneEvent(answered) : null;
        var audio = new NegotiatedAudio(audioIndex, connection.Address, answered.Port, codec.Law, codec.PayloadType, eventPayloadType, ptime, ours);
        return new SdpNegotiationResult(SdpNegotiationOutcome.Accepted, null, audio, null);
    }

    private static SdpNegotiationResult Invalid(string reason) => SdpNegotiationResult.Failed(SdpNegotiationOutcome.InvalidAnswer, reason);

    /// <summary>RFC 3264 §6.1: what an answerer may reply to each offered direction.</summary>
    private static bool IsAllowedAnswer(SdpDirection offered, SdpDirection answered) => offered switch
    {
        SdpDirection.SendOnly => answered is SdpDirection.RecvOnly or SdpDirection.Inactive,
        SdpDirection.RecvOnly => answered is SdpDirection.SendOnly or SdpDirection.Inactive,
        SdpDirection.Inactive => answered == SdpDirection.Inactive,
        _ => true,
    };

    private static bool IsUsableAudio(MediaDescription media) =>
        !media.IsRejected && media.Media == "audio" && string.Equals(media.Protocol, AudioProfile, StringComparison.OrdinalIgnoreCase);

    private static bool IsAcceptablePtime(int ptime) => ptime is >= 10 and <= MaxPtime && ptime % 10 == 0;

    private static (G711Law Law, byte PayloadType)? ChooseCodec(MediaDescription media, IReadOnlyList<G711Law> supported)
    {
        foreach (var payloadType in media.PayloadTypes)
        {
            var map = media.RtpMap(payloadType);
            G711Law? law = map switch
            {
                null when payloadType == RtpPayloadTypes.Pcmu => G711Law.MuLaw,
                null when payloadType == RtpPayloadTypes.Pcma => G711Law.ALaw,
                not null when map.Is("PCMU", G711.SampleRate) && map.Channels is null or 1 => G711Law.MuLaw,
                not null when map.Is("PCMA", G711.SampleRate) && map.Channels is null or 1 => G711Law.ALaw,
                _ => null,
            };
            if (law is { } found && supported.Contains(found))
            {
                return (found, payloadType);
            }
        }

        return null;
    }

    private static byte? FindTelephoneEvent(MediaDescription media)
    {
        foreach (var payloadType in media.PayloadTypes)
        {
            if (media.RtpMap(payloadType) is { } map && map.Is(TelephoneEventName, G711.SampleRate))
            {
                return payloadType;
            }
        }

        return null;
    }

    private static MediaDescription AnswerSection(MediaDescription offered, SdpLocalMedia local, NegotiatedAudio audio)
    {
        var formats = new List<string> { audio.PayloadType.ToString(CultureInfo.InvariantCulture) };
        var attributes = new List<SdpAttribute>
        {
            new("rtpmap", new SdpRtpMap(audio.PayloadType, EncodingName(audio.Codec), G711.SampleRate).ToString()),
        };
        if (audio.TelephoneEventPayloadType is { } eventPayloadType)
        {
            AddTelephoneEvent(formats, attributes, eventPayloadType);
        }

        attributes.Add(new SdpAttribute("ptime", audio.Ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(audio.Direction.ToAttributeName()));
        return AudioSection(local.Port, offered.Protocol, formats, attributes);
    }

    private static void AddTelephoneEvent(List<string> formats, List<SdpAttribute> attributes, byte payloadType)
    {
        var number = payloadType.ToString(CultureInfo.InvariantCulture);
        formats.Add(number);
        attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(payloadType, TelephoneEventName, G711.SampleRate).ToString()));
        attributes.Add(new SdpAttribute("fmtp", $"{number} {TelephoneEventEvents}"));
    }

    private static MediaDescription AudioSection(int port, string protocol, List<string> formats, List<SdpAttribute> attributes) => new()
    {
        Media = "audio",
        Port = port,
        Protocol = protocol,
        Formats = formats,
        Attributes = attributes,
    };

    private static MediaDescription Rejected(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats.Count > 0 ? offered.Formats : ["0"],
    };

    private static SessionDescription Describe(SdpLocalMedia local, IReadOnlyList<MediaDescription> media)
    {
        var connection = SdpConnection.For(local.Address);
        return new SessionDescription
        {
            Origin = new SdpOrigin(local.Username, local.SessionId, local.SessionVersion, connection.AddressType, local.Address),
            SessionName = local.SessionName,
            Connection = connection,
            Media = media,
        };
    }

    private static string EncodingName(G711Law law) => law == G711Law.ALaw ? "PCMA" : "PCMU";

    private static int FindIndex(IReadOnlyList<MediaDescription> media, Func<MediaDescription, bool> predicate)
    {
        for (var i = 0; i < media.Count; i++)
        {
            if (predicate(media[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
