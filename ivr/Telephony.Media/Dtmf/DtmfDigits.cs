namespace Telephony.Media.Dtmf;

/// <summary>Mapping between DTMF characters and RFC 4733 event codes (0–9, * = 10, # = 11, A–D = 12–15).</summary>
public static class DtmfDigits
{
    /// <summary>The sixteen DTMF characters in event-code order.</summary>
    public const string All = "0123456789*#ABCD";

    /// <summary>The highest event code that is a DTMF digit.</summary>
    public const byte MaxDigitEvent = 15;

    /// <summary>The event code of a digit character; false for anything else.</summary>
    public static bool TryGetEvent(char digit, out byte eventCode)
    {
        var index = All.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The character for an event code 0–15; false for other events (flash, tones).</summary>
    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        digit = eventCode <= MaxDigitEvent ? All[eventCode] : '\0';
        return eventCode <= MaxDigitEvent;
    }

    /// <summary>True when <paramref name="digit"/> is one of the sixteen DTMF characters.</summary>
    public static bool IsDigit(char digit) => TryGetEvent(digit, out _);
}
