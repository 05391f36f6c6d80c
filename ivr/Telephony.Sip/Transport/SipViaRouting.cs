using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Transport;

/// <summary>RFC 3581 received/rport stamping of an incoming request's top Via, and response routing (RFC 3261 18.2.2).</summary>
internal static class SipViaRouting
{
    private const int DefaultSipPort = 5060;

    // The longest textual IPv6 address with a scope id fits easily.
    private const int MaxAddressLength = 64;

    // Folded Via lines keep their CR LF inside the value.
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>
    /// The top Via line with received= (when the sent-by host is not the source address, or rport was asked for)
    /// and rport=port (when asked for) filled in, as the bytes of a header value; null when nothing changes. Works on
    /// the received bytes: one array is allocated, for the value the transaction keeps.
    /// </summary>
    public static byte[]? StampTopVia(SipRequest request, IPEndPoint source)
    {
        if (!request.TryGetHeaderValue(SipHeaderKind.Via, out var line) || request.Via.Count == 0)
        {
            return null;
        }

        var top = request.Via[0];
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        Span<byte> sourceHost = stackalloc byte[MaxAddressLength];
        address.TryFormat(sourceHost, out var hostLength);
        sourceHost = sourceHost[..hostLength];
        if (!top.HasRPort && HostEquals(top.Host, sourceHost))
        {
            return null;
        }

        var text = line.Span;
        var comma = text.IndexOf((byte)',');
        var first = Trim(comma < 0 ? text : text[..comma]);
        var rest = comma < 0 ? [] : text[comma..];
        var buffer = ArrayPool<byte>.Shared.Rent(text.Length + MaxAddressLength + 32);
        try
        {
            var written = Stamp(first, sourceHost, source.Port, buffer);
            rest.CopyTo(buffer.AsSpan(written));
            return buffer.AsSpan(0, written + rest.Length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Stamp(ReadOnlySpan<byte> value, ReadOnlySpan<byte> sourceHost, int sourcePort, Span<byte> output)
    {
        var semicolon = value.IndexOf((byte)';');
        var sentBy = TrimEnd(semicolon < 0 ? value : value[..semicolon]);
        sentBy.CopyTo(output);
        var written = sentBy.Length;
        var parameters = semicolon < 0 ? [] : value[(semicolon + 1)..];
        while (semicolon >= 0)
        {
            semicolon = parameters.IndexOf((byte)';');
            var parameter = Trim(semicolon < 0 ? parameters : parameters[..semicolon]);
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            var equals = parameter.IndexOf((byte)'=');
            var name = Trim(equals < 0 ? parameter : parameter[..equals]);
            if (Ascii.EqualsIgnoreCase(name, "received"u8))
            {
                continue;
            }

            output[written++] = (byte)';';
            if (Ascii.EqualsIgnoreCase(name, "rport"u8))
            {
                "rport="u8.CopyTo(output[written..]);
                written += 6;
                sourcePort.TryFormat(output[written..], out var digits, provider: CultureInfo.InvariantCulture);
                written += digits;
            }
            else
            {
                parameter.CopyTo(output[written..]);
                written += parameter.Length;
            }
        }

        ";received="u8.CopyTo(output[written..]);
        written += 10;
        sourceHost.CopyTo(output[written..]);
        return written + sourceHost.Length;
    }

    private static bool HostEquals(string viaHost, ReadOnlySpan<byte> sourceHost)
    {
        var host = viaHost.AsSpan().Trim('[').Trim(']');
        return Ascii.EqualsIgnoreCase(host, sourceHost);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => TrimEnd(value.TrimStart(Whitespace));

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> value) => value.TrimEnd(Whitespace);

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
