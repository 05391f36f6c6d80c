using System.Net.Http.Headers;
using System.Security;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Neural voices from Azure Speech's REST API: an SSML request per prompt, answered with an 8 kHz 16-bit mono RIFF WAV
/// (output format riff-8khz-16bit-mono-pcm), so no resampling is needed. Used only when publishing, never during a call.
/// </summary>
public sealed class AzureTextToSpeech(HttpClient http, AzureSpeechOptions options) : ITextToSpeech
{
    public const string OutputFormat = "riff-8khz-16bit-mono-pcm";

    public string Provider => "azure";

    public string DefaultVoice(Language language) =>
        options.Voices.TryGetValue(language, out var voice) ? voice : throw new PromptException($"No Azure voice is configured for {language.Code()}.");

    public async Task<PcmAudio> SynthesizeAsync(string text, Language language, string voice, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint);
        request.Headers.Add("Ocp-Apim-Subscription-Key", options.SubscriptionKey);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("telephony-ivr", "1.0"));
        request.Content = new StringContent(Ssml(text, language, voice), System.Text.Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new PromptException($"Azure Speech refused the {language.Code()} prompt with {(int)response.StatusCode} {response.ReasonPhrase}: {reason}".Trim());
        }

        var wav = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return PcmAudio.FromWav(wav);
        }
        catch (InvalidDataException ex)
        {
            throw new PromptException($"Azure Speech answered with audio this server cannot play: {ex.Message}", ex);
        }
    }

    /// <summary>The SSML document for one prompt; the text is escaped, so a prompt cannot inject markup.</summary>
    public static string Ssml(string text, Language language, string voice)
    {
        var locale = Locale(language);
        return $"<speak version='1.0' xml:lang='{locale}'><voice xml:lang='{locale}' name='{SecurityElement.Escape(voice)}'>{SecurityElement.Escape(text)}</voice></speak>";
    }

    public static string Locale(Language language) => language switch
    {
        Language.Az => "az-AZ",
        Language.Ru => "ru-RU",
        Language.En => "en-US",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };
}
