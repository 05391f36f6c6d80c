namespace Telephony.Reports.Tests;

public sealed class ReportsOptionsTests
{
    [Fact]
    public void Validate_defaults_pass_with_Baku_20s_target_and_5s_short_abandon()
    {
        var options = new ReportsOptions();

        options.Validate();
        Assert.Equal("Asia/Baku", options.ResolveTimeZone().Id);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ServiceLevelTarget);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ShortAbandonThreshold);
    }

    [Fact]
    public void Validate_unknown_time_zone_names_the_key() =>
        Assert.Contains("Reports:TimeZone", Assert.Throws<InvalidOperationException>(() => new ReportsOptions { TimeZone = "Mars/Olympus" }.Validate()).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_zero_target_names_the_key() =>
        Assert.Contains("Reports:ServiceLevelTarget", Assert.Throws<InvalidOperationException>(() => new ReportsOptions { ServiceLevelTarget = TimeSpan.Zero }.Validate()).Message, StringComparison.Ordinal);
}
