using System.Diagnostics;

namespace Telephony.TestKit.Host;

/// <summary>Runs a Debian tool a test drives (sipsak, sox, baresip through bash) to its end, bounded in time.</summary>
public static class ExternalTool
{
    /// <summary>The exit code and everything the tool printed (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        using var cts = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
