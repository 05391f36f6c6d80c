using Telephony.Sip.Stack;

namespace Telephony.Sip.Tests.Stack;

public sealed class SipStackOptionsTests
{
    [Fact]
    public void Validate_defaults_are_usable()
    {
        Assert.Empty(new SipStackOptions().Validate());
    }

    [Fact]
    public void Validate_bad_values_name_their_keys()
    {
        var options = new SipStackOptions { T1 = TimeSpan.FromSeconds(5), T2 = TimeSpan.FromSeconds(1), MaxTransactions = 0 };
        options.Listen.Add("not-an-address");

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith("Sip:Listen", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sip:T2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sip:MaxTransactions", StringComparison.Ordinal));
    }

    [Fact]
    public void Stack_refuses_invalid_options_at_construction()
    {
        var options = new SipStackOptions { TimerTick = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new SipStack(
            options, new Transactions.RecordingHandler(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        Assert.Contains("Sip:TimerTick", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_tls_listen_without_a_certificate_names_both_files()
    {
        var options = new SipStackOptions { TlsKeyPath = "/nonexistent/key.pem" };
        options.TlsListen.Add("127.0.0.1:5061");
        options.TlsListen.Add("tls-port");

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith("Sip:TlsListen: 'tls-port'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sip:TlsCertificatePath is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sip:TlsKeyPath: '/nonexistent/key.pem' does not exist", StringComparison.Ordinal));
    }
}
