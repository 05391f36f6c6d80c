using System.Security.Cryptography;
using System.Text;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Rendered prompts on disk under DATA/prompts: synthesised speech in tts/&lt;key&gt;.wav, keyed by the SHA-256 of
/// (provider, voice, language, text), and uploaded recordings in uploads/&lt;sha256&gt;.wav. Files are 8 kHz 16-bit mono
/// PCM WAV, not G.711: a call may negotiate A-law or µ-law, browsers play PCM WAV for the admin's play button, and
/// encoding a sample to G.711 while playing is a table lookup for the media layer. Files are written once, atomically.
/// </summary>
public sealed class PromptCache
{
    public const string SpeechFolder = "tts";

    private static readonly byte[] Separator = [0];

    public PromptCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, SpeechFolder));
    }

    public string Directory { get; }

    /// <summary>The cache key of a synthesised prompt: hex SHA-256 over the four parts, each ended by a zero byte.</summary>
    public static string KeyFor(string provider, string voice, Language language, string text)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(text);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { provider, voice, language.Code(), text })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData(Separator);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string SpeechFileName(string key) => SpeechFolder + "/" + key + ".wav";

    public bool Contains(string fileName) => File.Exists(FullPath(fileName));

    /// <summary>The absolute path of a cache file; refuses names that would leave the cache directory.</summary>
    public string FullPath(string fileName)
    {
        var full = Path.GetFullPath(Path.Combine(Directory, fileName));
        if (!full.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PromptException($"'{fileName}' is not a file of the prompt cache.");
        }

        return full;
    }

    public async Task<PcmAudio?> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = FullPath(fileName);
        return File.Exists(path) ? PcmAudio.FromWav(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a prompt.</summary>
    public async Task WriteAsync(string fileName, PcmAudio audio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var path = FullPath(fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, audio.ToWav(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
