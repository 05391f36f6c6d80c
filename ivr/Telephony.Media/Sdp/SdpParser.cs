using System.Globalization;

namespace Telephony.Media.Sdp;

/// <summary>
/// Parses SDP text. Strict where a mistake would mislead negotiation (v=0 first, well-formed o=, c=,
/// t= and m= lines, one value per line type) and tolerant elsewhere (LF line ends, trailing blank
/// lines, unknown line types and attributes).
/// </summary>
internal static class SdpParser
{
    public static bool TryParse(string text, out SessionDescription? description, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        description = null;
        var lines = text.Split('\n');
        SdpOrigin? origin = null;
        var sessionName = "-";
        SdpConnection? connection = null;
        ulong start = 0, stop = 0;
        var bandwidths = new List<string>();
        var attributes = new List<SdpAttribute>();
        var media = new List<MediaDescription>();
        MediaBuilder? current = null;
        var lineNumber = 0;
        var sawVersion = false;
        foreach (var rawLine in lines)
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                error = $"SDP line {lineNumber} is not of the form <type>=<value>.";
                return false;
            }

            var value = line[2..];
            if (!sawVersion)
            {
                if (line[0] != 'v' || value != "0")
                {
                    error = "SDP must start with v=0.";
                    return false;
                }

                sawVersion = true;
                continue;
            }

            string? failure = null;
            switch (line[0])
            {
                case 'o' when current is null:
                    failure = ParseOrigin(value, out origin);
                    break;
                case 's' when current is null:
                    sessionName = value;
                    break;
                case 'c':
                    failure = ParseConnection(value, out var parsedConnection);
                    if (current is null)
                    {
                        connection = parsedConnection;
                    }
                    else
                    {
                        current.Connection = parsedConnection;
                    }

                    break;
                case 'b':
                    (current?.Bandwidths ?? bandwidths).Add(value);
                    break;
                case 't' when current is null:
                    failure = ParseTiming(value, out start, out stop);
                    break;
                case 'a':
                    (current?.Attributes ?? attributes).Add(ParseAttribute(value));
                    break;
                case 'm':
                    if (current is not null)
                    {
                        media.Add(current.Build());
                    }

                    failure = ParseMedia(value, out current);
                    break;
                case 'v':
                    failure = "v= appears twice";
                    break;
                default:
                    // i=, u=, e=, p=, z=, k=, r= and unknown types carry nothing negotiation needs.
                    break;
            }

            if (failure is not null)
            {
                error = $"SDP line {lineNumber} ({line[0]}=): {failure}.";
                return false;
            }
        }

        if (current is not null)
        {
            media.Add(current.Build());
        }

        if (!sawVersion || origin is null)
        {
            error = sawVersion ? "SDP has no o= line." : "SDP is empty.";
            return false;
        }

        description = new SessionDescription
        {
            Origin = origin,
            SessionName = sessionName,
            Connection = connection,
            Bandwidths = bandwidths,
            StartTime = start,
            StopTime = stop,
            Attributes = attributes,
            Media = media,
        };
        error = null;
        return true;
    }

    private static string? ParseOrigin(string value, out SdpOrigin? origin)
    {
        origin = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6 || parts[3] != "IN" || !IsAddressType(parts[4]))
        {
            return "expected <username> <sess-id> <sess-version> IN IP4|IP6 <address>";
        }

        if (!ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || !parts[1].All(char.IsAsciiDigit))
        {
            return "session id and version must be numeric";
        }

        origin = new SdpOrigin(parts[0], parts[1], version, parts[4], parts[5]);
        return null;
    }

    private static string? ParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || !IsAddressType(parts[1]))
        {
            return "expected IN IP4|IP6 <address>";
        }

        connection = new SdpConnection(parts[1], parts[2]);
        return null;
    }

    private static string? ParseTiming(string value, out ulong start, out ulong stop)
    {
        start = 0;
        stop = 0;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var valid = parts.Length == 2
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out stop);
        return valid ? null : "expected <start> <stop>";
    }

    private static SdpAttribute ParseAttribute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttribute(value.Trim()) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
    }

    private static string? ParseMedia(string value, out MediaBuilder? media)
    {
        media = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return "expected <media> <port> <proto> <fmt> ...";
        }

        var portText = parts[1];
        int? portCount = null;
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
            {
                return "bad number of ports";
            }

            portCount = count;
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return "bad port";
        }

        media = new MediaBuilder(parts[0], port, portCount, parts[2], parts[3..]);
        return null;
    }

    private static bool IsAddressType(string value) => value is "IP4" or "IP6";

    private sealed class MediaBuilder(string media, int port, int? portCount, string protocol, string[] formats)
    {
        public SdpConnection? Connection { get; set; }

        public List<string> Bandwidths { get; } = [];

        public List<SdpAttribute> Attributes { get; } = [];

        public MediaDescription Build() => new()
        {
            Media = media,
            Port = port,
            PortCount = portCount,
            Protocol = protocol,
            Formats = formats,
            Connection = Connection,
            Bandwidths = Bandwidths,
            Attributes = Attributes,
        };
    }
}
