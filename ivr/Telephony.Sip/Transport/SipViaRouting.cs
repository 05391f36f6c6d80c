using System.Globalization;
using System.Net;
using System.Text;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Transport;

/// <summary>RFC 3581 received/rport stamping of an incoming request's top Via, and response routing (RFC 3261 18.2.2).</summary>
internal static class SipViaRouting
{
    private const int DefaultSipPort = 5060;

    /// <summary>
    /// The top Via value with received= (when the sent-by host is not the source address, or rport was asked for)
    /// and rport=port (when asked for) filled in; null when nothing changes.
    /// </summary>
    public static string? StampTopVia(SipRequest request, IPEndPoint source)
    {
        if (!request.TryGetHeaderValue(SipHeaderKind.Via, out var line) || request.Via.Count == 0)
        {
            return null;
        }

        var top = request.Via[0];
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var sourceHost = address.ToString();
        var hostMatches = string.Equals(top.Host.Trim('[', ']'), sourceHost, StringComparison.OrdinalIgnoreCase);
        if (hostMatches && !top.HasRPort)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(line.Span);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var first = (comma < 0 ? text : text[..comma]).Trim();
        var parts = first.Split(';');
        var stamped = new StringBuilder(parts[0].TrimEnd());
        for (var i = 1; i < parts.Length; i++)
        {
            var parameter = parts[i].Trim();
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? parameter : parameter[..equals]).Trim();
            if (name.Equals("received", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            stamped.Append(';');
            stamped.Append(name.Equals("rport", StringComparison.OrdinalIgnoreCase)
                ? string.Create(CultureInfo.InvariantCulture, $"rport={source.Port}")
                : parameter);
        }

        stamped.Append(";received=").Append(sourceHost);
        return comma < 0 ? stamped.ToString() : stamped.Append(text.AsSpan(comma)).ToString();
    }

    /// <summary>Where a response to a request from <paramref name="source"/> goes.</summary>
    public static IPEndPoint ResponseDestination(SipRequest request, SipSource source)
    {
        if (source.Transport.IsReliable || request.Via.Count == 0)
        {
            return source.Remote;
        }

        var top = request.Via[0];
        return top.HasRPort ? source.Remote : new IPEndPoint(source.Remote.Address, top.Port ?? DefaultSipPort);
    }
}
