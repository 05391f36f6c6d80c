using System.Globalization;
using System.Text;

namespace Telephony.Media.Sdp;

/// <summary>Serialises a <see cref="SessionDescription"/> in RFC 8866 line order with CRLF line ends.</summary>
internal static class SdpWriter
{
    public static string Write(SessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        Line(text, 'o', description.Origin.ToString());
        Line(text, 's', description.SessionName.Length == 0 ? "-" : description.SessionName);
        if (description.Connection is { } connection)
        {
            Line(text, 'c', connection.ToString());
        }

        foreach (var bandwidth in description.Bandwidths)
        {
            Line(text, 'b', bandwidth);
        }

        Line(text, 't', string.Create(CultureInfo.InvariantCulture, $"{description.StartTime} {description.StopTime}"));
        foreach (var attribute in description.Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }

        foreach (var media in description.Media)
        {
            var port = media.PortCount is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{media.Port}/{count}")
                : media.Port.ToString(CultureInfo.InvariantCulture);
            Line(text, 'm', $"{media.Media} {port} {media.Protocol} {string.Join(' ', media.Formats)}");
            if (media.Connection is { } mediaConnection)
            {
                Line(text, 'c', mediaConnection.ToString());
            }

            foreach (var bandwidth in media.Bandwidths)
            {
                Line(text, 'b', bandwidth);
            }

            foreach (var attribute in media.Attributes)
            {
                Line(text, 'a', attribute.ToString());
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, char type, string value) => text.Append(type).Append('=').Append(value).Append("\r\n");
}
