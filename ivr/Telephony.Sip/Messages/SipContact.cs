using System.Globalization;

namespace Telephony.Sip.Messages;

/// <summary>One Contact value: the wildcard <c>*</c> (REGISTER removal) or an address with expires and q.</summary>
public sealed class SipContact
{
    public SipContact(SipNameAddress? address)
    {
        Address = address;
    }

    public static SipContact Wildcard { get; } = new(null);

    public bool IsWildcard => Address is null;

    public SipNameAddress? Address { get; }

    /// <summary>The expires parameter in seconds; values past 2^32-1 are clamped, as RFC 3261 10.2.1 allows.</summary>
    public uint? Expires => ParseDeltaSeconds(Address?.Parameters["expires"]);

    /// <summary>The q parameter (0 to 1); null when absent or malformed.</summary>
    public double? Q =>
        Address?.Parameters["q"] is { } text
        && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
        && q is >= 0 and <= 1
            ? q
            : null;

    internal static uint? ParseDeltaSeconds(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (uint)Math.Min(value, uint.MaxValue)
            : uint.MaxValue;
    }
}
