using System.Text;

namespace Telephony.Calls.Sip;

/// <summary>
/// The digit of a SIP INFO: application/dtmf-relay ("Signal=5\r\nDuration=160") or application/dtmf (the digit alone).
/// </summary>
internal static class SipDtmfInfo
{
    public static bool TryParse(string contentType, ReadOnlySpan<byte> body, out char digit)
    {
        digit = '\0';
        var mediaType = contentType.Split(';')[0].Trim();
        var text = Encoding.ASCII.GetString(body);
        if (mediaType.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var line in text.Split('\n'))
            {
                var separator = line.IndexOf('=', StringComparison.Ordinal);
                if (separator > 0 && line[..separator].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase))
                {
                    return TryDigit(line[(separator + 1)..].Trim(), out digit);
                }
            }

            return false;
        }

        return mediaType.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase) && TryDigit(text.Trim(), out digit);
    }

    private static bool TryDigit(string value, out char digit)
    {
        digit = value switch
        {
            [var c] when char.IsAsciiDigit(c) || c is '*' or '#' => c,
            [var c] when c is >= 'A' and <= 'D' or >= 'a' and <= 'd' => char.ToUpperInvariant(c),
            "10" => '*',
            "11" => '#',
            _ => '\0',
        };
        return digit != '\0';
    }
}
