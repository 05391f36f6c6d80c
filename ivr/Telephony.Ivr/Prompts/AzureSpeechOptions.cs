using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>Azure Speech settings: the resource's region and key, and the neural voice per language.</summary>
public sealed record AzureSpeechOptions
{
    /// <summary>Region of the Speech resource, e.g. "westeurope".</summary>
    public required string Region { get; init; }

    public required string SubscriptionKey { get; init; }

    /// <summary>Where to send requests; default https://{Region}.tts.speech.microsoft.com. Tests point it at a local fake.</summary>
    public Uri? BaseAddress { get; init; }

    public IReadOnlyDictionary<Language, string> Voices { get; init; } = new Dictionary<Language, string>
    {
        [Language.Az] = "az-AZ-BanuNeural",
        [Language.Ru] = "ru-RU-SvetlanaNeural",
        [Language.En] = "en-US-JennyNeural",
    };

    public Uri Endpoint => new(BaseAddress ?? new Uri($"https://{Region}.tts.speech.microsoft.com/"), "cognitiveservices/v1");
}
