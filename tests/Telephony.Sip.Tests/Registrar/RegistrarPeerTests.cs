using Telephony.Sip.Authentication;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>The registrar behind the real stack against real peers (see /work/shared/peers.md), 127.0.0.1 only, bounded in time.</summary>
public sealed class RegistrarPeerTests
{
    private static readonly TimeSpan s_peerTimeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Sipsak_registers_with_the_right_password_and_fails_with_a_wrong_one()
    {
        // sipsak reads only the first challenge and stops at SHA-256 ("unsupported authentication algorithm"): offer MD5 alone.
        // Without --auth-username it sends username="1001@" (the URI's user and its '@'), which no HA1 of ours matches.
        await using var stack = await RegistrarStack.StartAsync(o => o.Algorithms = [SipDigestAlgorithm.Md5]);
        var contactPort = FreePort.UdpAndTcp();

        var right = await PeerProcess.RunAsync("sipsak", s_peerTimeout,
            "-U", "--auth-username=1001", "-C", $"sip:1001@127.0.0.1:{contactPort}", "-s", $"sip:1001@127.0.0.1:{stack.Port}", "-a", "Str0ng-Right-Pass", "-x", "60");
        var contacts = await stack.Store.FindContactsAsync("1001", CancellationToken.None);
        var wrong = await PeerProcess.RunAsync("sipsak", s_peerTimeout,
            "-U", "--auth-username=1002", "-C", $"sip:1002@127.0.0.1:{contactPort}", "-s", $"sip:1002@127.0.0.1:{stack.Port}", "-a", "wrong", "-x", "60");

        Assert.True(right.ExitCode == 0, right.Output);
        Assert.Contains(contacts, b => b.ContactUri == $"sip:1001@127.0.0.1:{contactPort}");
        Assert.True(wrong.ExitCode != 0, wrong.Output);
        Assert.Empty(await stack.Store.FindContactsAsync("1002", CancellationToken.None));
    }

    [Fact]
    public async Task Sipsak_cannot_answer_the_default_sha256_first_challenge()
    {
        await using var stack = await RegistrarStack.StartAsync();

        var (exitCode, output) = await PeerProcess.RunAsync("sipsak", s_peerTimeout,
            "-U", "-C", "sip:1001@127.0.0.1:5999", "-s", $"sip:1001@127.0.0.1:{stack.Port}", "-a", "Str0ng-Right-Pass", "-x", "60");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unsupported authentication algorithm", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Svwar_finds_no_users()
    {
        await using var stack = await RegistrarStack.StartAsync();

        var (exitCode, output) = await PeerProcess.RunAsync("svwar", s_peerTimeout,
            "-p", stack.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-P", FreePort.UdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", "REGISTER", "-e", "1000-1004", "127.0.0.1");

        Assert.True(exitCode != -1, output);
        Assert.DoesNotContain("| 1001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| 1002", output, StringComparison.Ordinal);
        Assert.Contains("found nothing", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, false)]
    public async Task Svcrack_finds_a_weak_password_only_without_the_failure_limit(int failureLimit, bool found)
    {
        // svcrack answers only the first challenge and knows only MD5, so both cases offer MD5 alone: the limit is the only difference.
        await using var stack = await RegistrarStack.StartAsync(o =>
        {
            o.FailureLimit = failureLimit;
            o.Algorithms = [SipDigestAlgorithm.Md5];
        });
        var dictionary = Path.GetTempFileName();
        await File.WriteAllLinesAsync(dictionary, [.. Enumerable.Range(1, 9).Select(i => "guess" + i), "letmein", "guess10"]);
        try
        {
            var (exitCode, output) = await PeerProcess.RunAsync("svcrack", s_peerTimeout,
                "-u", "1002", "-d", dictionary, "-p", stack.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-P", FreePort.UdpAndTcp().ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1");

            Assert.True(exitCode != -1, output);
            Assert.Equal(found, output.Contains("letmein", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(dictionary);
        }
    }
}
