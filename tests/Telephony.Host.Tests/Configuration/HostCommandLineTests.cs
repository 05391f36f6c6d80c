using Telephony.Host.Configuration;

namespace Telephony.Host.Tests.Configuration;

public sealed class HostCommandLineTests
{
    [Fact]
    public void Parse_repeated_sip_switch_keeps_every_address_in_order()
    {
        var result = HostCommandLine.Parse(["--sip", "127.0.0.1:5060", "--sip=[::1]:5062"]);

        Assert.Null(result.Error);
        Assert.Equal("127.0.0.1:5060", result.Values["Telephony:Sip:Listen:0"]);
        Assert.Equal("[::1]:5062", result.Values["Telephony:Sip:Listen:1"]);
    }

    [Fact]
    public void Parse_flags_without_value_are_true()
    {
        var result = HostCommandLine.Parse(["--demo", "--demo-always-open", "--data", "/tmp/x"]);

        Assert.Equal("true", result.Values["Telephony:Demo"]);
        Assert.Equal("true", result.Values["Telephony:DemoAlwaysOpen"]);
        Assert.Equal("/tmp/x", result.Values["Telephony:Data"]);
    }

    [Fact]
    public void Parse_unknown_option_is_refused_naming_it()
    {
        var result = HostCommandLine.Parse(["--sipp", "1"]);

        Assert.NotNull(result.Error);
        Assert.StartsWith("--sipp", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_switch_missing_its_value_is_refused()
    {
        var result = HostCommandLine.Parse(["--http", "--demo"]);

        Assert.Equal("--http: a value is required", result.Error);
    }
}
