using System.Text;

using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Request-Line (<c>Method SP Request-URI SP SIP-Version</c>) and Status-Line (<c>SIP-Version SP 3DIGIT SP Reason-Phrase</c>),
/// exactly one SP between elements (RFC 3261 7.1, 7.2; RFC 4475 3.1.2.9 and 3.1.2.10).
/// </summary>
internal static class StartLineParser
{
    /// <summary>
    /// Parses the line (without its line ending). Returns a fault that leaves nothing to answer; a request whose
    /// line is broken after a good method token comes back with <see cref="StartLine.DeferredFault"/> set instead.
    /// </summary>
    public static SipRejectReason Parse(ReadOnlySpan<byte> line, out StartLine result)
    {
        result = default;
        if (line.Length >= 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8))
        {
            return ParseStatusLine(line, ref result);
        }

        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0 || !SipSyntax.IsToken(line[..firstSpace]))
        {
            return SipRejectReason.InvalidRequestLine;
        }

        result.Method = SipMethods.Parse(line[..firstSpace]);
        result.MethodLength = firstSpace;
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
        {
            result.DeferredFault = SipRejectReason.InvalidRequestLine;
            return SipRejectReason.None;
        }

        result.UriStart = firstSpace + 1;
        result.UriLength = secondSpace;
        var version = ParseVersion(rest[(secondSpace + 1)..]);
        result.DeferredFault = version switch
        {
            VersionKind.Sip20 => SipRejectReason.None,
            VersionKind.OtherSip => SipRejectReason.UnsupportedVersion,
            _ => SipRejectReason.InvalidRequestLine,
        };
        return SipRejectReason.None;
    }

    private static SipRejectReason ParseStatusLine(ReadOnlySpan<byte> line, ref StartLine result)
    {
        result.IsResponse = true;
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            return SipRejectReason.InvalidStatusLine;
        }

        var version = ParseVersion(line[..space]);
        if (version != VersionKind.Sip20)
        {
            return version == VersionKind.OtherSip ? SipRejectReason.UnsupportedVersion : SipRejectReason.InvalidStatusLine;
        }

        var rest = line[(space + 1)..];
        if (rest.Length < 3 || (rest.Length > 3 && rest[3] != ' ')
            || !SipSyntax.TryParseNumber(rest[..3], 699, out var code) || code < 100)
        {
            return SipRejectReason.InvalidStatusLine;
        }

        result.StatusCode = (int)code;
        result.ReasonStart = Math.Min(space + 5, line.Length);
        result.ReasonLength = line.Length - result.ReasonStart;
        return SipRejectReason.None;
    }

    private static VersionKind ParseVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || !Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            return VersionKind.Invalid;
        }

        var numbers = version[4..];
        var dot = numbers.IndexOf((byte)'.');
        if (dot <= 0
            || !SipSyntax.TryParseNumber(numbers[..dot], int.MaxValue, out var major)
            || !SipSyntax.TryParseNumber(numbers[(dot + 1)..], int.MaxValue, out var minor))
        {
            return VersionKind.Invalid;
        }

        return major == 2 && minor == 0 ? VersionKind.Sip20 : VersionKind.OtherSip;
    }

    private enum VersionKind
    {
        Invalid,
        Sip20,
        OtherSip,
    }
}
