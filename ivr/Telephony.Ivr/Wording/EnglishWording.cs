using System.Text;

namespace Telephony.Ivr.Wording;

/// <summary>American style: no "and" after hundred ("one hundred one"), hyphenated tens ("twenty-three").</summary>
internal static class EnglishWording
{
    /// <summary>Names of 0–9, *, #, + in that order.</summary>
    internal static readonly string[] KeyNames = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "star", "hash", "plus"];

    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales =
    [
        (1_000_000_000_000_000_000, "quintillion"), (1_000_000_000_000_000, "quadrillion"), (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"),
    ];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static string Number(long n)
    {
        if (n == 0)
        {
            return Small[0];
        }

        var text = new StringBuilder();
        if (n < 0)
        {
            text.Append("minus ");
        }

        // Work on the magnitude as unsigned so long.MinValue has one.
        var rest = n < 0 ? (ulong)-(n + 1) + 1 : (ulong)n;
        foreach (var (value, name) in Scales)
        {
            var count = rest / (ulong)value;
            if (count > 0)
            {
                AppendBelowThousand(text, (int)count).Append(' ').Append(name).Append(' ');
                rest %= (ulong)value;
            }
        }

        if (rest > 0)
        {
            AppendBelowThousand(text, (int)rest);
        }

        return text.ToString().TrimEnd();
    }

    public static string Ordinal(long n)
    {
        var cardinal = Number(n);
        var split = cardinal.LastIndexOfAny([' ', '-']) + 1;
        var last = cardinal[split..];
        var ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => string.Concat(last.AsSpan(0, last.Length - 1), "ieth"),
            _ => last + "th",
        };
        return string.Concat(cardinal.AsSpan(0, split), ordinal);
    }

    public static string Date(DateOnly date) => Months[date.Month - 1] + " " + Ordinal(date.Day);

    public static string Time(TimeOnly time)
    {
        if (time.Minute == 0 && time.Hour is 0 or 12)
        {
            return time.Hour == 0 ? "midnight" : "noon";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute switch
        {
            0 => string.Empty,
            < 10 => " oh " + Small[time.Minute],
            _ => " " + Number(time.Minute),
        };
        return Number(hour) + minutes + (time.Hour < 12 ? " a.m." : " p.m.");
    }

    private static StringBuilder AppendBelowThousand(StringBuilder text, int n)
    {
        var hundreds = n / 100;
        var rest = n % 100;
        if (hundreds > 0)
        {
            text.Append(Small[hundreds]).Append(" hundred");
            if (rest > 0)
            {
                text.Append(' ');
            }
        }

        if (rest >= 20)
        {
            text.Append(Tens[rest / 10]);
            if (rest % 10 > 0)
            {
                text.Append('-').Append(Small[rest % 10]);
            }
        }
        else if (rest > 0)
        {
            text.Append(Small[rest]);
        }

        return text;
    }
}
