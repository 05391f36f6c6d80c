using Telephony.Ivr.Model;

namespace Telephony.Ivr.Wording;

/// <summary>
/// Numbers, counts, dates, times and digit strings as words in the caller's language, for speech synthesis and for
/// choosing recorded fragments. Written by us from the grammar of each language rather than taken from ICU, because
/// ICU's spell-out rules have no Azerbaijani case and no Russian counted-noun agreement.
/// </summary>
public static class Wording
{
    /// <summary>
    /// A whole number in words. <paramref name="gender"/> is the gender of the counted noun: Russian changes
    /// 1 and 2 for it ("одна минута", "две минуты"); Azerbaijani and English ignore it.
    /// </summary>
    public static string Number(long n, Language language, Gender gender = Gender.Masculine) => language switch
    {
        Language.Az => AzerbaijaniWording.Number(n),
        Language.Ru => RussianWording.Number(n, gender),
        Language.En => EnglishWording.Number(n),
        _ => throw UnknownLanguage(language),
    };

    /// <summary>
    /// An ordinal number in words ("twenty-third", "iyirmi üçüncü", "двадцать третий"); Russian takes the gender of
    /// the noun it qualifies, in the nominative case.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n is below 1, or in Russian a round thousand of 10,000 or more.</exception>
    public static string Ordinal(long n, Language language, Gender gender = Gender.Masculine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return language switch
        {
            Language.Az => AzerbaijaniWording.Ordinal(n),
            Language.Ru => RussianWording.Ordinal(n, gender),
            Language.En => EnglishWording.Ordinal(n),
            _ => throw UnknownLanguage(language),
        };
    }

    /// <summary>A count of minutes with the noun agreeing: "три минуты", "üç dəqiqə", "three minutes".</summary>
    public static string Minutes(int n, Language language)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return language switch
        {
            Language.Az => AzerbaijaniWording.Number(n) + " dəqiqə",
            Language.Ru => RussianWording.Number(n, Gender.Feminine) + " " + RussianWording.Plural(n, "минута", "минуты", "минут"),
            Language.En => EnglishWording.Number(n) + (n == 1 ? " minute" : " minutes"),
            _ => throw UnknownLanguage(language),
        };
    }

    /// <summary>Day and month as said aloud: "iyirmi üç noyabr", "двадцать третье ноября", "November twenty-third".</summary>
    public static string Date(DateOnly date, Language language) => language switch
    {
        Language.Az => AzerbaijaniWording.Date(date),
        Language.Ru => RussianWording.Date(date),
        Language.En => EnglishWording.Date(date),
        _ => throw UnknownLanguage(language),
    };

    /// <summary>
    /// A time of day to the minute: 24-hour in Azerbaijani ("saat on səkkiz otuz") and Russian
    /// ("восемнадцать часов тридцать минут"), 12-hour in English ("six thirty p.m.").
    /// </summary>
    public static string Time(TimeOnly time, Language language) => language switch
    {
        Language.Az => AzerbaijaniWording.Time(time),
        Language.Ru => RussianWording.Time(time),
        Language.En => EnglishWording.Time(time),
        _ => throw UnknownLanguage(language),
    };

    /// <summary>
    /// A digit string read key by key ("sıfır bir iki", "ноль один два"), with *, # and + named; spaces, hyphens,
    /// dots and brackets used to group a phone number are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The string holds a character that is not a digit, *, #, + or a separator.</exception>
    public static string Digits(string digits, Language language)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var names = language switch
        {
            Language.Az => AzerbaijaniWording.KeyNames,
            Language.Ru => RussianWording.KeyNames,
            Language.En => EnglishWording.KeyNames,
            _ => throw UnknownLanguage(language),
        };
        var words = new List<string>(digits.Length);
        foreach (var c in digits)
        {
            if (c is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }

            var index = "0123456789*#+".IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{c}' cannot be read as a phone key.", nameof(digits));
            }

            words.Add(names[index]);
        }

        return string.Join(' ', words);
    }

    private static ArgumentOutOfRangeException UnknownLanguage(Language language) =>
        new(nameof(language), language, "Unknown language.");
}
