using System.Security.Cryptography;
using Telephony.Media.Wav;

namespace Telephony.Recording;

/// <summary>Where recordings live and the facts read from a finished file.</summary>
internal static class RecordingFiles
{
    public const string EncryptedSuffix = ".enc";

    /// <summary><c>recordings/yyyy/MM/dd/&lt;id&gt;.wav</c>, relative to the data directory, dated by the UTC start.</summary>
    public static string RelativePath(Guid id, DateTimeOffset startedAt) =>
        Path.Combine("recordings", startedAt.UtcDateTime.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            startedAt.UtcDateTime.ToString("MM", System.Globalization.CultureInfo.InvariantCulture),
            startedAt.UtcDateTime.ToString("dd", System.Globalization.CultureInfo.InvariantCulture),
            id.ToString("D") + ".wav");

    public static string Codec(WavFormat format) =>
        FormattableString.Invariant($"{format.Encoding switch { WavEncoding.Pcm16 => "pcm16", WavEncoding.ALaw => "alaw", _ => "mulaw" }}/{format.SampleRate}/{format.Channels}");

    public static async Task<string> Sha256HexAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Reads the WAV header: its format and the playing time of the audio present.</summary>
    public static (WavFormat Format, TimeSpan Duration) Describe(string path)
    {
        using var reader = WavReader.Open(path);
        return (reader.Format, reader.Duration);
    }
}
