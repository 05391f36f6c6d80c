using System.Globalization;

namespace Telephony.Media.Sdp;

/// <summary>An <c>m=</c> section with its own <c>c=</c>, <c>b=</c> and <c>a=</c> lines.</summary>
public sealed record MediaDescription
{
    /// <summary>Media type: <c>audio</c>, <c>video</c>, <c>image</c>…</summary>
    public required string Media { get; init; }

    /// <summary>Transport port; 0 rejects or disables the stream.</summary>
    public required int Port { get; init; }

    /// <summary>The <c>/&lt;number of ports&gt;</c> suffix when present.</summary>
    public int? PortCount { get; init; }

    /// <summary>Transport protocol, e.g. <c>RTP/AVP</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>Media formats; for RTP, payload type numbers in order of preference.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>The media-level connection, overriding the session one.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>Media-level <c>b=</c> values (e.g. <c>AS:64</c>).</summary>
    public IReadOnlyList<string> Bandwidths { get; init; } = [];

    /// <summary>Media-level attributes in order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>True when the stream is rejected or disabled (port 0).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True for RTP audio/video profiles (RTP/AVP and the secure/feedback variants).</summary>
    public bool IsRtp => Protocol.StartsWith("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first value of attribute <paramref name="name"/>, or null.</summary>
    public string? AttributeValue(string name) => Attributes.FirstOrDefault(a => a.Name == name)?.Value;

    /// <summary>True when a property attribute (or any attribute) named <paramref name="name"/> is present.</summary>
    public bool HasAttribute(string name) => Attributes.Any(a => a.Name == name);

    /// <summary>The payload type numbers among the formats (non-numeric formats are skipped).</summary>
    public IEnumerable<byte> PayloadTypes
    {
        get
        {
            foreach (var format in Formats)
            {
                if (byte.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType) && payloadType <= 127)
                {
                    yield return payloadType;
                }
            }
        }
    }

    /// <summary>The rtpmap for a payload type, or null when absent.</summary>
    public SdpRtpMap? RtpMap(byte payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == "rtpmap" && attribute.Value is { } value && SdpRtpMap.TryParse(value, out var map) && map!.PayloadType == payloadType)
            {
                return map;
            }
        }

        return null;
    }

    /// <summary>The fmtp parameters for a payload type (text after the number), or null.</summary>
    public string? Fmtp(byte payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        return Attributes.FirstOrDefault(a => a.Name == "fmtp" && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            ?.Value![prefix.Length..].Trim();
    }

    /// <summary>The a=ptime value in milliseconds, or null.</summary>
    public int? Ptime => int.TryParse(AttributeValue("ptime"), NumberStyles.None, CultureInfo.InvariantCulture, out var ptime) && ptime > 0
        ? ptime
        : null;

    /// <summary>The direction attribute of this section, or null when absent (then the session's applies).</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirectionExtensions.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }
}
