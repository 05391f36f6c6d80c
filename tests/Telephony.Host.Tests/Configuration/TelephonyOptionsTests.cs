using Microsoft.Extensions.Configuration;
using Telephony.Host.Configuration;

namespace Telephony.Host.Tests.Configuration;

public sealed class TelephonyOptionsTests
{
    private static OptionsLoadResult Load(params string[] args)
    {
        var parsed = HostCommandLine.Parse(args);
        Assert.Null(parsed.Error);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(parsed.Values).Build();
        return TelephonyOptions.Load(configuration);
    }

    [Fact]
    public void Load_without_settings_uses_loopback_defaults_and_embedded_database()
    {
        var options = Load().Options!;

        Assert.Equal("127.0.0.1:5060", Assert.Single(options.SipListen).ToString());
        Assert.Equal("127.0.0.1:8080", options.Http.ToString());
        Assert.Null(options.ConnectionString);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownGrace);
    }

    [Fact]
    public void Load_malformed_sip_address_names_the_key_and_the_value()
    {
        var result = Load("--sip", "nonsense");

        Assert.Null(result.Options);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Telephony:Sip:Listen:0 (--sip): 'nonsense' is not ADDR:PORT", error);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("host.example:5060")]
    [InlineData("::1:5060")]
    public void Load_http_address_without_valid_literal_and_port_is_refused(string value)
    {
        var result = Load("--http", value);

        Assert.Null(result.Options);
        Assert.StartsWith("Telephony:Http (--http): ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ipv6_and_ipv4_sip_listeners_are_both_kept()
    {
        var options = Load("--sip", "[::1]:5070", "--sip", "127.0.0.1:5072").Options!;

        Assert.Equal(["[::1]:5070", "127.0.0.1:5072"], options.SipListen.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_tls_sip_listener_is_kept_apart_from_the_udp_and_tcp_one()
    {
        var options = Load("--sip", "127.0.0.1:5060", "--sip", "TLS:[::1]:5061").Options!;

        Assert.Equal(["127.0.0.1:5060", "tls:[::1]:5061"], options.SipListen.Select(e => e.ToString()));
        Assert.Equal([false, true], options.SipListen.Select(e => e.IsTls));
        Assert.Equal("[::1]:5061", options.SipListen[1].ToIPEndPoint().ToString());
    }

    [Fact]
    public void Load_tls_prefix_on_http_is_refused()
    {
        var result = Load("--http", "tls:127.0.0.1:8443");

        Assert.Null(result.Options);
        Assert.StartsWith("Telephony:Http (--http): 'tls:127.0.0.1:8443': tls: is for --sip only", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_db_that_is_not_a_connection_string_is_refused()
    {
        var result = Load("--db", "Host=127.0.0.1;Bogus Key=1");

        Assert.StartsWith("Telephony:Db (--db): ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_always_open_without_demo_is_refused()
    {
        var result = Load("--demo-always-open");

        Assert.Contains(result.Errors, e => e.StartsWith("Telephony:DemoAlwaysOpen", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_negative_shutdown_grace_is_refused()
    {
        var result = Load("--shutdown-grace", "-5");

        Assert.StartsWith("Telephony:ShutdownGraceSeconds", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_menu_clock_instant_is_kept_for_the_hours_decisions()
    {
        var result = Load("--demo", "--menu-clock", "2026-11-25T20:00:00+04:00");

        Assert.Empty(result.Errors);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), result.Options!.MenuClock!.GetUtcNow());
    }

    [Fact]
    public void Load_menu_clock_that_is_neither_instant_nor_duration_names_the_key()
    {
        var result = Load("--menu-clock", "tonight");

        Assert.StartsWith("Telephony:MenuClock (--menu-clock): ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
