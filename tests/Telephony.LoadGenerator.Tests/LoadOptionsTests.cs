namespace Telephony.LoadGenerator.Tests;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Parse_rate_mode_counts_the_calls_it_offers()
    {
        var (options, error) = LoadOptions.Parse(["--target", "127.0.0.1:5060", "--rate", "50", "--duration", "10", "--hold", "3", "--sip-sockets", "4"]);

        Assert.Null(error);
        Assert.Equal(LoadMode.Rate, options!.Mode);
        Assert.Equal(500, options.TotalCalls);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Hold);
        Assert.Equal(4, options.SipSockets);
    }

    [Fact]
    public void Parse_concurrent_mode_uses_the_ramp_as_set_up_rate()
    {
        var (options, _) = LoadOptions.Parse(["--target", "127.0.0.1:5060", "--concurrent", "200", "--ramp", "40", "--rtp-ports", "30000-30999", "--no-send-rtp"]);

        Assert.Equal(LoadMode.Concurrent, options!.Mode);
        Assert.Equal(200, options.TotalCalls);
        Assert.Equal(40, options.CallsPerSecond);
        Assert.Equal((30000, 30999), (options.RtpPortMin, options.RtpPortMax));
        Assert.False(options.SendRtp);
    }

    [Theory]
    [InlineData("--rate and no duration", "--target", "127.0.0.1:5060", "--rate", "10")]
    [InlineData("both modes", "--target", "127.0.0.1:5060", "--rate", "10", "--duration", "5", "--concurrent", "3")]
    [InlineData("no target", "--concurrent", "3")]
    [InlineData("bad port range", "--target", "127.0.0.1:5060", "--concurrent", "3", "--rtp-ports", "80-90")]
    [InlineData("negative count", "--target", "127.0.0.1:5060", "--concurrent", "-3")]
    [InlineData("unknown switch", "--target", "127.0.0.1:5060", "--concurrent", "3", "--loud", "yes")]
    public void Parse_bad_arguments_give_an_error_and_no_options(string why, params string[] args)
    {
        var (options, error) = LoadOptions.Parse(args);

        Assert.True(options is null, why);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
