using System.Diagnostics;
using System.Globalization;
using Telephony.Sip.Authentication;
using Telephony.Sip.Registrar;
using Telephony.TestKit.Host;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>baresip 1.0.0 (see /work/shared/peers.md section 1) registers through the stack with digest and qop=auth.</summary>
public sealed class BaresipRegistrationTests
{
    [Fact]
    public async Task Baresip_registers_with_digest_its_contact_is_kept_verbatim_and_it_unregisters_on_exit()
    {
        // baresip 1.0.0 (libre) gives up with ENOSYS on any challenge that is not MD5, first or second: offer MD5 alone.
        await using var stack = await RegistrarStack.StartAsync(o => o.Algorithms = [SipDigestAlgorithm.Md5]);
        var directory = WriteConfig(stack, out var sipPort);
        try
        {
            var run = PeerProcess.RunAsync("baresip", TimeSpan.FromSeconds(20), "-4", "-f", directory.FullName, "-t", "5");
            var bindings = await WaitForBindingsAsync(stack, TimeSpan.FromSeconds(5));
            var (_, output) = await run;
            await Task.Delay(TimeSpan.FromMilliseconds(500));

            Assert.True(bindings.Count == 1, output);
            var binding = bindings[0];
            Assert.Contains($"@127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", binding.ContactUri, StringComparison.Ordinal);
            Assert.Equal("UDP", binding.Transport);
            Assert.True(binding.ExpiresAt > DateTimeOffset.UtcNow.AddSeconds(500), output);
            Assert.Empty(await stack.Store.FindContactsAsync("1003", CancellationToken.None));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5)]
    [InlineData(SipDigestAlgorithm.Md5, SipDigestAlgorithm.Sha256)]
    public async Task Baresip_cannot_register_while_sha256_is_offered_at_all(SipDigestAlgorithm first, SipDigestAlgorithm second)
    {
        await using var stack = await RegistrarStack.StartAsync(o => o.Algorithms = [first, second]);
        var directory = WriteConfig(stack, out _);
        try
        {
            var (_, output) = await PeerProcess.RunAsync("baresip", TimeSpan.FromSeconds(20), "-4", "-f", directory.FullName, "-t", "3");

            Assert.Contains("Register: Function not implemented", output, StringComparison.Ordinal);
            Assert.Empty(await stack.Store.FindContactsAsync("1003", CancellationToken.None));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static DirectoryInfo WriteConfig(RegistrarStack stack, out int sipPort)
    {
        var directory = Directory.CreateTempSubdirectory("baresip-reg-");
        sipPort = FreePort.UdpAndTcp();
        File.WriteAllText(Path.Combine(directory.FullName, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
            "net_interface 127.0.0.1",
            "audio_player aubridge,nil",
            "audio_source aubridge,nil",
            "audio_alert aubridge,nil",
            "statmode_default off",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aubridge.so",
            "module_tmp uuid.so",
            "module_tmp account.so",
            string.Empty));
        File.WriteAllText(
            Path.Combine(directory.FullName, "accounts"),
            $"<sip:1003@127.0.0.1:{stack.Port.ToString(CultureInfo.InvariantCulture)}>;auth_pass=baresip-pass-42;regint=600\n");
        return directory;
    }

    private static async Task<IReadOnlyList<Telephony.Sip.Registrar.SipBinding>> WaitForBindingsAsync(RegistrarStack stack, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var bindings = await stack.Store.FindContactsAsync("1003", CancellationToken.None);
            if (bindings.Count > 0 || clock.Elapsed > timeout)
            {
                return bindings;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
