using System.Globalization;
using Telephony.TestKit.Host;

namespace Telephony.TestKit.Sip;

/// <summary>Makes test tones and measures what a phone heard, with sox.</summary>
public static class AudioAnalysis
{
    /// <summary>Writes a sine of <paramref name="hertz"/> as 16-bit 8 kHz mono WAV, the format baresip's aufile plays.</summary>
    public static async Task CreateToneAsync(string path, int hertz, TimeSpan length, double volume = 0.3)
    {
        var (exitCode, output) = await ExternalTool.RunAsync("sox", TimeSpan.FromSeconds(30), "-n", "-r", "8000", "-c", "1", "-b", "16", path,
            "synth", length.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), "sine", hertz.ToString(CultureInfo.InvariantCulture),
            "vol", volume.ToString("0.###", CultureInfo.InvariantCulture));
        if (exitCode != 0)
        {
            throw new InvalidOperationException("sox could not make the tone: " + output);
        }
    }

    /// <summary>RMS amplitude (0–1) and sox's rough frequency of a WAV file (optionally from <paramref name="skip"/> on).</summary>
    public static async Task<(double Rms, double RoughHz, double Seconds)> MeasureAsync(string wav, TimeSpan? skip = null)
    {
        List<string> arguments = [wav, "-n"];
        if (skip is { } from)
        {
            arguments.AddRange(["trim", from.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        arguments.Add("stat");
        var (_, output) = await ExternalTool.RunAsync("sox", TimeSpan.FromSeconds(30), [.. arguments]);
        return (Field(output, "RMS     amplitude"), Field(output, "Rough   frequency"), Field(output, "Length (seconds)"));
    }

    private static double Field(string statOutput, string name)
    {
        var line = statOutput.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"sox stat printed no '{name}':\n{statOutput}");
        return double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    }
}
