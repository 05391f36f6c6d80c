using System.Text.RegularExpressions;

namespace Telephony.Host.Calls;

/// <summary>
/// The key a waiting caller presses to be called back in their place (section "Telephony:Acd:Callback"). Only numbers
/// matching <see cref="AllowedNumbers"/> are ever dialled, so a spoofed premium or international caller id cannot make
/// the hotline pay for a call: such a caller is not offered the key and hears that a callback is not possible.
/// </summary>
public sealed class QueueCallbackOptions
{
    /// <summary>Local 9–10 digit numbers (0XX…, XX…) and Azerbaijani numbers in international form.</summary>
    public const string DefaultAllowedNumbers = @"^(0?[1-9][0-9]{8}|\+994[1-9][0-9]{8})$";

    private Regex? _allowed;

    /// <summary>The key, one of 0–9, * or #; null switches the callback offer off.</summary>
    public string? Key { get; init; } = "1";

    /// <summary>A regular expression every number must match in full before it is dialled.</summary>
    public string AllowedNumbers { get; init; } = DefaultAllowedNumbers;

    /// <summary>Dials of the citizen before the callback is given up.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>How long an unanswered callback waits before it goes back to its place.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the citizen's phone rings on each attempt.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsAllowed(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        _allowed ??= new Regex(AllowedNumbers, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return _allowed.IsMatch(number);
    }

    public void Validate()
    {
        if (Key is { Length: not 1 } || Key is [not ((>= '0' and <= '9') or '*' or '#')])
        {
            throw new ArgumentException("Telephony:Acd:Callback:Key must be one key (0-9, * or #).", nameof(Key));
        }

        try
        {
            _ = new Regex(AllowedNumbers, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException("Telephony:Acd:Callback:AllowedNumbers is not a valid regular expression: " + exception.Message, nameof(AllowedNumbers), exception);
        }

        if (Attempts < 1)
        {
            throw new ArgumentException("Telephony:Acd:Callback:Attempts must be at least 1.", nameof(Attempts));
        }

        if (RetryInterval <= TimeSpan.Zero || RingTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Telephony:Acd:Callback:RetryInterval and RingTimeout must be positive.", nameof(RetryInterval));
        }
    }
}
