using System.Text;

namespace Telephony.Sip.Parsing;

/// <summary>Finds one parameter in a parameter region without building the whole list, so reading a branch or tag costs one string.</summary>
internal static class SipParameterSearch
{
    /// <summary>Header parameters: <c>;name[=value]</c> with LWS allowed, quoted values.</summary>
    public static bool TryFindHeaderParameter(ReadOnlySpan<byte> region, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        var reader = new SipParameterReader(region, (byte)';');
        while (reader.TryRead(out var candidate, out value, out hasValue))
        {
            if (Ascii.EqualsIgnoreCase(candidate, name))
            {
                return true;
            }
        }

        value = default;
        hasValue = false;
        return false;
    }

    public static string? GetHeaderParameter(ReadOnlySpan<byte> region, ReadOnlySpan<byte> name) =>
        TryFindHeaderParameter(region, name, out var value, out var hasValue) && hasValue ? SipSyntax.Unquote(value) : null;

    /// <summary>URI parameters: <c>;name[=value]</c>, no LWS, %-escaped (names compared as sent).</summary>
    public static bool TryFindUriParameter(ReadOnlySpan<byte> region, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        foreach (var part in new SipSplitter(region, (byte)';'))
        {
            var equals = part.IndexOf((byte)'=');
            var candidate = equals < 0 ? part : part[..equals];
            if (!candidate.IsEmpty && Ascii.EqualsIgnoreCase(candidate, name))
            {
                hasValue = equals >= 0;
                value = hasValue ? part[(equals + 1)..] : default;
                return true;
            }
        }

        value = default;
        hasValue = false;
        return false;
    }
}
