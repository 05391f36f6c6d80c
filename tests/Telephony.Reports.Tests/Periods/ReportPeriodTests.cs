using Telephony.Reports.Periods;

namespace Telephony.Reports.Tests.Periods;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("daily", "2026-11-23", "2026-11-23", "2026-11-24", "2026-11-23")]
    [InlineData("monthly", "2026-11-23", "2026-11-01", "2026-12-01", "2026-11")]
    [InlineData("monthly", "2026-11", "2026-11-01", "2026-12-01", "2026-11")]
    [InlineData("quarterly", "2026-11-23", "2026-10-01", "2027-01-01", "2026-Q4")]
    [InlineData("quarterly", "2026-Q1", "2026-01-01", "2026-04-01", "2026-Q1")]
    [InlineData("yearly", "2026-11-23", "2026-01-01", "2027-01-01", "2026")]
    [InlineData("YEARLY", "2025", "2025-01-01", "2026-01-01", "2025")]
    public void Parse_kind_and_date_gives_the_period_holding_it(string kind, string text, string start, string end, string label)
    {
        var period = ReportPeriod.Parse(kind, text);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("weekly", "2026-11-23")]
    [InlineData("daily", "2026-11")]
    [InlineData("quarterly", "2026-Q5")]
    [InlineData("monthly", "23.11.2026")]
    public void Parse_unknown_kind_or_spelling_throws_FormatException(string kind, string text) =>
        Assert.Throws<FormatException>(() => ReportPeriod.Parse(kind, text));

    [Fact]
    public void ToUtc_daily_in_Baku_starts_at_local_midnight()
    {
        var (from, to) = ReportPeriod.Parse("daily", "2026-11-23").ToUtc(TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku"));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero), to);
    }
}
