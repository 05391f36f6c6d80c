using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>A speech synthesiser: text in one language, spoken by a voice, as 8 kHz 16-bit mono PCM.</summary>
public interface ITextToSpeech
{
    /// <summary>Short name that goes into the cache key ("espeak-ng", "azure"), so providers never share files.</summary>
    string Provider { get; }

    /// <summary>The voice used for a language when the caller names none.</summary>
    string DefaultVoice(Language language);

    Task<PcmAudio> SynthesizeAsync(string text, Language language, string voice, CancellationToken cancellationToken);
}
