using System.Text;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Wording;

/// <summary>
/// Russian: 1 and 2 agree with the gender of the counted noun (тысяча is feminine, миллион masculine), nouns after a
/// number take one of three plural forms, dates are a neuter ordinal day and the month in the genitive.
/// </summary>
internal static class RussianWording
{
    /// <summary>Names of 0–9, *, #, + in that order.</summary>
    internal static readonly string[] KeyNames = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "звёздочка", "решётка", "плюс"];

    private static readonly string[] Small =
    [
        "ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
        "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
    ];

    private static readonly string[] Tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];

    private static readonly string[] Hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    private static readonly (long Value, Gender Gender, string One, string Few, string Many)[] Scales =
    [
        (1_000_000_000_000_000_000, Gender.Masculine, "квинтиллион", "квинтиллиона", "квинтиллионов"),
        (1_000_000_000_000_000, Gender.Masculine, "квадриллион", "квадриллиона", "квадриллионов"),
        (1_000_000_000_000, Gender.Masculine, "триллион", "триллиона", "триллионов"),
        (1_000_000_000, Gender.Masculine, "миллиард", "миллиарда", "миллиардов"),
        (1_000_000, Gender.Masculine, "миллион", "миллиона", "миллионов"),
        (1_000, Gender.Feminine, "тысяча", "тысячи", "тысяч"),
    ];

    private static readonly string[] MonthsGenitive =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    /// <summary>Ordinal stems for 1–19 with their ending type: true for stressed "-ой" (второй), false for "-ый" (первый).</summary>
    private static readonly (string Stem, bool Stressed)[] SmallOrdinals =
    [
        ("", false), ("перв", false), ("втор", true), ("трет", false), ("четвёрт", false), ("пят", false), ("шест", true), ("седьм", true),
        ("восьм", true), ("девят", false), ("десят", false), ("одиннадцат", false), ("двенадцат", false), ("тринадцат", false),
        ("четырнадцат", false), ("пятнадцат", false), ("шестнадцат", false), ("семнадцат", false), ("восемнадцат", false), ("девятнадцат", false),
    ];

    private static readonly (string Stem, bool Stressed)[] TensOrdinals =
    [
        ("", false), ("", false), ("двадцат", false), ("тридцат", false), ("сороков", true), ("пятидесят", false),
        ("шестидесят", false), ("семидесят", false), ("восьмидесят", false), ("девяност", false),
    ];

    /// <summary>Genitive prefixes for compound ordinals: двухсотый, трёхтысячный.</summary>
    private static readonly string[] CountPrefixes = ["", "", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти"];

    /// <summary>Picks the noun form after n: 1, 21 → one; 2–4, 22 → few; 0, 5–20, 25 → many.</summary>
    public static string Plural(long n, string one, string few, string many)
    {
        var magnitude = Math.Abs(n % 100);
        if (magnitude is >= 11 and <= 14)
        {
            return many;
        }

        return (magnitude % 10) switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }

    public static string Number(long n, Gender gender)
    {
        if (n == 0)
        {
            return Small[0];
        }

        var text = new StringBuilder();
        if (n < 0)
        {
            text.Append("минус ");
        }

        var rest = n < 0 ? (ulong)-(n + 1) + 1 : (ulong)n;
        foreach (var (value, scaleGender, one, few, many) in Scales)
        {
            var count = (int)(rest / (ulong)value);
            if (count > 0)
            {
                // A lone thousand is just "тысяча"; larger scales keep the "один" ("один миллион").
                if (count != 1 || scaleGender != Gender.Feminine)
                {
                    AppendBelowThousand(text, count, scaleGender).Append(' ');
                }

                text.Append(Plural(count, one, few, many)).Append(' ');
                rest %= (ulong)value;
            }
        }

        if (rest > 0)
        {
            AppendBelowThousand(text, (int)rest, gender);
        }

        return text.ToString().TrimEnd();
    }

    public static string Ordinal(long n, Gender gender)
    {
        var below = n % 1000;
        if (below == 0)
        {
            if (n >= 10_000)
            {
                throw new ArgumentOutOfRangeException(nameof(n), n, "Russian ordinals of round thousands from 10,000 are not supported.");
            }

            return CountPrefixes[n / 1000] + "тысячн" + Ending(stressed: false, gender);
        }

        var higher = n - below;
        var prefix = higher == 0 ? string.Empty : Number(higher, Gender.Masculine) + " ";
        return prefix + OrdinalBelowThousand((int)below, gender);
    }

    public static string Date(DateOnly date) => Ordinal(date.Day, Gender.Neuter) + " " + MonthsGenitive[date.Month - 1];

    public static string Time(TimeOnly time)
    {
        var hours = Number(time.Hour, Gender.Masculine) + " " + Plural(time.Hour, "час", "часа", "часов");
        if (time.Minute == 0)
        {
            return hours;
        }

        return hours + " " + Number(time.Minute, Gender.Feminine) + " " + Plural(time.Minute, "минута", "минуты", "минут");
    }

    private static string OrdinalBelowThousand(int n, Gender gender)
    {
        var hundreds = n / 100;
        var rest = n % 100;
        if (rest == 0)
        {
            return CountPrefixes[hundreds] + "сот" + Ending(stressed: false, gender);
        }

        var prefix = hundreds == 0 ? string.Empty : Hundreds[hundreds] + " ";
        if (rest < 20)
        {
            return prefix + SmallOrdinal(rest, gender);
        }

        if (rest % 10 == 0)
        {
            var (stem, stressed) = TensOrdinals[rest / 10];
            return prefix + stem + Ending(stressed, gender);
        }

        return prefix + Tens[rest / 10] + " " + SmallOrdinal(rest % 10, gender);
    }

    private static string SmallOrdinal(int n, Gender gender)
    {
        if (n == 3)
        {
            // "третий" is the one soft-stem ordinal.
            return gender switch
            {
                Gender.Feminine => "третья",
                Gender.Neuter => "третье",
                _ => "третий",
            };
        }

        var (stem, stressed) = SmallOrdinals[n];
        return stem + Ending(stressed, gender);
    }

    private static string Ending(bool stressed, Gender gender) => gender switch
    {
        Gender.Feminine => "ая",
        Gender.Neuter => "ое",
        _ => stressed ? "ой" : "ый",
    };

    private static StringBuilder AppendBelowThousand(StringBuilder text, int n, Gender gender)
    {
        var words = new List<string>(3);
        if (n >= 100)
        {
            words.Add(Hundreds[n / 100]);
        }

        var rest = n % 100;
        if (rest >= 20)
        {
            words.Add(Tens[rest / 10]);
            rest %= 10;
        }

        if (rest > 0)
        {
            words.Add(rest switch
            {
                1 => gender switch { Gender.Feminine => "одна", Gender.Neuter => "одно", _ => "один" },
                2 => gender == Gender.Feminine ? "две" : "два",
                _ => Small[rest],
            });
        }

        return text.AppendJoin(' ', words);
    }
}
