using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Offline speech with espeak-ng (voices az, ru, en-us), resampled by sox to 8 kHz mono 16-bit. Robotic, but always
/// there: the default provider, and the one tests and air-gapped installations use.
/// </summary>
public sealed class EspeakTextToSpeech : ITextToSpeech
{
    private readonly string _espeak;
    private readonly string _sox;

    /// <summary>Finds espeak-ng and sox on PATH; throws <see cref="PromptException"/> naming the missing one.</summary>
    public EspeakTextToSpeech()
    {
        _espeak = ExternalTool.Require("espeak-ng", "espeak-ng");
        _sox = ExternalTool.Require("sox", "sox");
    }

    public string Provider => "espeak-ng";

    public string DefaultVoice(Language language) => language switch
    {
        Language.Az => "az",
        Language.Ru => "ru",
        Language.En => "en-us",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    public async Task<PcmAudio> SynthesizeAsync(string text, Language language, string voice, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var stem = Path.Combine(Path.GetTempPath(), "espeak-" + Guid.NewGuid().ToString("N"));
        var spoken = stem + "-22k.wav";
        var telephone = stem + "-8k.wav";
        try
        {
            // "--" ends the options: a prompt that starts with '-' is text, not a switch.
            await ExternalTool.RunAsync(_espeak, ["-v", voice, "-w", spoken, "--", text], cancellationToken);
            await ExternalTool.RunAsync(_sox, [spoken, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", telephone], cancellationToken);
            return PcmAudio.FromWav(await File.ReadAllBytesAsync(telephone, cancellationToken));
        }
        finally
        {
            File.Delete(spoken);
            File.Delete(telephone);
        }
    }
}
