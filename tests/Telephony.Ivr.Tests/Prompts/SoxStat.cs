using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Telephony.Ivr.Tests.Prompts;

/// <summary>Measures a WAV with sox's own "stat" effect, so the checks do not trust the code under test to read audio.</summary>
internal static partial class SoxStat
{
    public static async Task<(double Seconds, double Rms, int SampleRate, int Channels)> MeasureAsync(string path)
    {
        var stat = await RunAsync("sox", path, "-n", "stat");
        var info = await RunAsync("soxi", path);
        return (
            Number(stat, LengthLine()),
            Number(stat, RmsLine()),
            (int)Number(info, RateLine()),
            (int)Number(info, ChannelsLine()));
    }

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await errors}");
        return await output + await errors;
    }

    private static double Number(string text, Regex line)
    {
        var match = line.Match(text);
        Assert.True(match.Success, $"'{line}' not in: {text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Length \(seconds\):\s+([0-9.]+)")]
    private static partial Regex LengthLine();

    [GeneratedRegex(@"RMS\s+amplitude:\s+([0-9.]+)")]
    private static partial Regex RmsLine();

    [GeneratedRegex(@"Sample Rate\s+:\s+([0-9]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Channels\s+:\s+([0-9]+)")]
    private static partial Regex ChannelsLine();
}
