using System.Text.RegularExpressions;

namespace Telephony.Ivr.Model;

/// <summary>
/// How the tree's digit patterns (collectDigits.pattern, callbackRequest.numberPattern) are applied: the whole input
/// must match, whether or not the author wrote ^ and $. The validator and the interpreter both compile through here.
/// </summary>
public static class DigitPattern
{
    /// <summary>Bounds the time one match may take, so a careless pattern cannot stall a call.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <exception cref="ArgumentException">The pattern is not a valid .NET regular expression.</exception>
    public static Regex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, MatchTimeout);
    }
}
