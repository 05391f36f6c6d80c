using System.Globalization;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>
/// A value to speak: a number, minutes, a date (yyyy-MM-dd), a time (HH:mm) or a digit string, in invariant form.
/// <see cref="Words"/> gives the same words <see cref="Wording.Wording"/> produces, so a prompt library can compose
/// the value from fragments rendered ahead of calls (see <see cref="PromptRequirements.Fragments"/>).
/// </summary>
public sealed record SpokenValue(SayAs As, string Value, Gender Gender = Gender.Masculine)
{
    /// <summary>Parses <paramref name="value"/> for <paramref name="kind"/>; null when it is not a valid value of that kind.</summary>
    public static SpokenValue? TryCreate(SayAs kind, string? value, Gender gender = Gender.Masculine)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var valid = kind switch
        {
            SayAs.Number => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            SayAs.Minutes => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            SayAs.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            SayAs.Time => TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            SayAs.Digits => value.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+'),
            _ => false,
        };
        return valid ? new SpokenValue(kind, value, gender) : null;
    }

    /// <summary>The value as words in <paramref name="language"/>, separated by single spaces.</summary>
    /// <exception cref="FormatException">The value is not valid for its kind (use <see cref="TryCreate"/>).</exception>
    public string Words(Language language) => As switch
    {
        SayAs.Number => Wording.Wording.Number(long.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), language, Gender),
        SayAs.Minutes => Wording.Wording.Minutes(int.Parse(Value, NumberStyles.None, CultureInfo.InvariantCulture), language),
        SayAs.Date => Wording.Wording.Date(DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), language),
        SayAs.Time => Wording.Wording.Time(TimeOnly.ParseExact(Value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture), language),
        SayAs.Digits => Wording.Wording.Digits(Value, language),
        _ => throw new FormatException($"Unknown say kind {As}."),
    };
}
