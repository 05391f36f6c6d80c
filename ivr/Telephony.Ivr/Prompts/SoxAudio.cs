namespace Telephony.Ivr.Prompts;

/// <summary>Converts audio files to the prompt format (8 kHz 16-bit mono PCM) with sox.</summary>
public static class SoxAudio
{
    /// <summary>Converts a WAV or MP3 file (by extension) to 8 kHz mono 16-bit PCM.</summary>
    public static async Task<PcmAudio> ConvertFileAsync(string inputPath, CancellationToken cancellationToken)
    {
        var sox = ExternalTool.Require("sox", "sox");
        var output = Path.Combine(Path.GetTempPath(), "prompt-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            // Mixing down and resampling with sox's default high-quality rate converter; -G guards against clipping.
            await ExternalTool.RunAsync(sox, ["-G", inputPath, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", output], cancellationToken);
            return PcmAudio.FromWav(await File.ReadAllBytesAsync(output, cancellationToken));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Converts an uploaded recording; <paramref name="fileName"/>'s extension (.wav or .mp3) tells sox its type.</summary>
    public static async Task<PcmAudio> ConvertUploadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".wav" or ".mp3"))
        {
            throw new PromptException($"'{fileName}' is not a WAV or MP3 file.");
        }

        var input = Path.Combine(Path.GetTempPath(), "upload-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            await using (var file = File.Create(input))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            return await ConvertFileAsync(input, cancellationToken);
        }
        catch (PromptException ex) when (ex.Message.StartsWith("sox failed", StringComparison.Ordinal))
        {
            throw new PromptException($"'{fileName}' could not be read as {extension[1..]} audio: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
