using System.Diagnostics;
using System.Net;
using Telephony.Sip.Tests.Transport;

namespace Telephony.Sip.Tests.Stack;

/// <summary>The stack against a real peer, sipsak (see /work/shared/peers.md), on 127.0.0.1 only and bounded in time.</summary>
public sealed class SipsakPeerTests(SocketStackFixture fixture) : IClassFixture<SocketStackFixture>
{
    [Fact]
    public async Task Sipsak_options_ping_gets_200_from_the_stack()
    {
        var (exitCode, output) = await RunSipsakAsync("-vv", "-s", $"sip:127.0.0.1:{fixture.Port}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("SIP/2.0 200 OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sipsak_flood_leaves_the_stack_answering_another_client()
    {
        var flood = RunSipsakAsync("-F", "-e", "200", "-s", $"sip:127.0.0.1:{fixture.Port}");
        var during = SocketStackFixture.Exchange(
            new IPEndPoint(IPAddress.Loopback, fixture.Port), port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKduring"));
        await flood;
        var after = SocketStackFixture.Exchange(
            new IPEndPoint(IPAddress.Loopback, fixture.Port), port => SocketStackFixture.Options("127.0.0.1", port, "z9hG4bKafterflood"));

        Assert.Equal(200, during?.StatusCode);
        Assert.Equal(200, after?.StatusCode);
        Assert.True(fixture.Stack.IsListening);
    }

    private static async Task<(int ExitCode, string Output)> RunSipsakAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("sipsak") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
