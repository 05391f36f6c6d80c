using System.Text;

namespace Telephony.Ivr.Wording;

/// <summary>
/// Azerbaijani: no grammatical gender and no plural after a number ("üç dəqiqə"); 100 and 1000 are said without "bir"
/// ("yüz", "min") but a million is "bir milyon"; ordinals take -ıncı/-inci/-uncu/-üncü by vowel harmony
/// (-ncı… after a vowel); dates are said as a cardinal day and the month ("iyirmi üç noyabr").
/// </summary>
internal static class AzerbaijaniWording
{
    /// <summary>Names of 0–9, *, #, + in that order.</summary>
    internal static readonly string[] KeyNames = ["sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz", "ulduz", "şəbəkə", "üstəgəl"];

    private static readonly string[] Units = ["sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"];

    private static readonly string[] Tens = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"];

    private static readonly (long Value, string Name)[] Scales =
    [
        (1_000_000_000_000_000_000, "kvintilyon"), (1_000_000_000_000_000, "kvadrilyon"), (1_000_000_000_000, "trilyon"),
        (1_000_000_000, "milyard"), (1_000_000, "milyon"), (1_000, "min"),
    ];

    private static readonly string[] Months =
    [
        "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
    ];

    public static string Number(long n)
    {
        if (n == 0)
        {
            return Units[0];
        }

        var text = new StringBuilder();
        if (n < 0)
        {
            text.Append("mənfi ");
        }

        var rest = n < 0 ? (ulong)-(n + 1) + 1 : (ulong)n;
        foreach (var (value, name) in Scales)
        {
            var count = (int)(rest / (ulong)value);
            if (count > 0)
            {
                // "min", not "bir min"; but "bir milyon".
                if (count != 1 || value != 1_000)
                {
                    AppendBelowThousand(text, count).Append(' ');
                }

                text.Append(name).Append(' ');
                rest %= (ulong)value;
            }
        }

        if (rest > 0)
        {
            AppendBelowThousand(text, (int)rest);
        }

        return text.ToString().TrimEnd();
    }

    public static string Ordinal(long n) => WithOrdinalSuffix(Number(n));

    public static string Date(DateOnly date) => Number(date.Day) + " " + Months[date.Month - 1];

    public static string Time(TimeOnly time)
    {
        var text = "saat " + Number(time.Hour);
        return time.Minute switch
        {
            0 => text,
            < 10 => text + " sıfır " + Units[time.Minute],
            _ => text + " " + Number(time.Minute),
        };
    }

    /// <summary>
    /// Adds the ordinal suffix to the last word. Its vowel follows the word's last vowel: a, ı → ı; e, ə, i → i;
    /// o, u → u; ö, ü → ü. After a final vowel the suffix drops its first vowel (iki → ikinci, altı → altıncı).
    /// </summary>
    internal static string WithOrdinalSuffix(string words)
    {
        var lastVowel = words[words.LastIndexOfAny(['a', 'ı', 'e', 'ə', 'i', 'o', 'u', 'ö', 'ü'])];
        var harmony = lastVowel switch
        {
            'a' or 'ı' => 'ı',
            'e' or 'ə' or 'i' => 'i',
            'o' or 'u' => 'u',
            _ => 'ü',
        };
        var endsInVowel = "aıeəiouöü".Contains(words[^1], StringComparison.Ordinal);
        return endsInVowel
            ? $"{words}nc{harmony}"
            : $"{words}{harmony}nc{harmony}";
    }

    private static StringBuilder AppendBelowThousand(StringBuilder text, int n)
    {
        var words = new List<string>(4);
        var hundreds = n / 100;
        if (hundreds > 0)
        {
            // "yüz", not "bir yüz".
            if (hundreds > 1)
            {
                words.Add(Units[hundreds]);
            }

            words.Add("yüz");
        }

        var rest = n % 100;
        if (rest >= 10)
        {
            words.Add(Tens[rest / 10]);
        }

        if (rest % 10 > 0)
        {
            words.Add(Units[rest % 10]);
        }

        return text.AppendJoin(' ', words);
    }
}
