using System.Globalization;
using Telephony.Ivr.Model;
using IvrWording = Telephony.Ivr.Wording.Wording;

namespace Telephony.Ivr.Tests.Wording;

public sealed class WordingTests
{
    private static readonly Language[] Columns = [Language.Az, Language.Ru, Language.En];

    public static TheoryData<string[]> Numbers => WordingTable.Rows("numbers.tsv");

    public static TheoryData<string[]> Ordinals => WordingTable.Rows("ordinals.tsv");

    public static TheoryData<string[]> MinuteCounts => WordingTable.Rows("minutes.tsv");

    public static TheoryData<string[]> Dates => WordingTable.Rows("dates.tsv");

    public static TheoryData<string[]> Times => WordingTable.Rows("times.tsv");

    public static TheoryData<string[]> DigitStrings => WordingTable.Rows("digits.tsv");

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Number_matches_hand_checked_table(string[] row)
    {
        var n = long.Parse(row[0], CultureInfo.InvariantCulture);

        AssertRow(row, 2, language => IvrWording.Number(n, language, ParseGender(row[1])));
    }

    [Theory]
    [MemberData(nameof(Ordinals))]
    public void Ordinal_matches_hand_checked_table(string[] row)
    {
        var n = long.Parse(row[0], CultureInfo.InvariantCulture);

        AssertRow(row, 2, language => IvrWording.Ordinal(n, language, ParseGender(row[1])));
    }

    [Theory]
    [MemberData(nameof(MinuteCounts))]
    public void Minutes_matches_hand_checked_table(string[] row)
    {
        var n = int.Parse(row[0], CultureInfo.InvariantCulture);

        AssertRow(row, 1, language => IvrWording.Minutes(n, language));
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Date_matches_hand_checked_table(string[] row)
    {
        var date = DateOnly.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);

        AssertRow(row, 1, language => IvrWording.Date(date, language));
    }

    [Theory]
    [MemberData(nameof(Times))]
    public void Time_matches_hand_checked_table(string[] row)
    {
        var time = TimeOnly.ParseExact(row[0], "HH:mm", CultureInfo.InvariantCulture);

        AssertRow(row, 1, language => IvrWording.Time(time, language));
    }

    [Theory]
    [MemberData(nameof(DigitStrings))]
    public void Digits_matches_hand_checked_table(string[] row)
    {
        AssertRow(row, 1, language => IvrWording.Digits(row[0], language));
    }

    [Fact]
    public void Number_long_extremes_do_not_overflow()
    {
        Assert.StartsWith("minus nine quintillion", IvrWording.Number(long.MinValue, Language.En), StringComparison.Ordinal);
        Assert.EndsWith("восемьсот пятьдесят четыре миллиона семьсот семьдесят пять тысяч восемьсот семь", IvrWording.Number(long.MaxValue, Language.Ru), StringComparison.Ordinal);
        Assert.StartsWith("doqquz kvintilyon", IvrWording.Number(long.MaxValue, Language.Az), StringComparison.Ordinal);
    }

    [Fact]
    public void Digits_letter_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => IvrWording.Digits("12a", Language.En));
    }

    [Fact]
    public void Digits_empty_string_is_empty()
    {
        Assert.Equal(string.Empty, IvrWording.Digits(string.Empty, Language.Ru));
    }

    [Fact]
    public void Minutes_negative_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IvrWording.Minutes(-1, Language.Az));
    }

    [Fact]
    public void Ordinal_zero_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IvrWording.Ordinal(0, Language.En));
    }

    [Fact]
    public void Ordinal_russian_round_ten_thousand_is_rejected_rather_than_misspoken()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IvrWording.Ordinal(10_000, Language.Ru));
    }

    [Fact]
    public void Every_day_of_a_leap_year_has_words_in_every_language()
    {
        for (var date = new DateOnly(2028, 1, 1); date.Year == 2028; date = date.AddDays(1))
        {
            foreach (var language in Columns)
            {
                Assert.False(string.IsNullOrWhiteSpace(IvrWording.Date(date, language)));
            }
        }
    }

    private static void AssertRow(string[] row, int firstLanguageColumn, Func<Language, string> say)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            Assert.Equal(row[firstLanguageColumn + i], say(Columns[i]));
        }
    }

    private static Gender ParseGender(string code) => code switch
    {
        "m" => Gender.Masculine,
        "f" => Gender.Feminine,
        "n" => Gender.Neuter,
        _ => throw new FormatException($"Unknown gender code '{code}'."),
    };
}
