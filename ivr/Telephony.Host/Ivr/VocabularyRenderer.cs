using Telephony.Host.Calls;
using Telephony.Host.Configuration;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;

namespace Telephony.Host.Ivr;

/// <summary>
/// In the background after start: first decodes the prompts rendered before into the calls' sample cache (see
/// <see cref="IvrPromptService.PreloadRendered"/>), then renders the spoken vocabulary (numbers, dates, times, keys), unless
/// Telephony:Tts:RenderVocabularyAtStart is false (test hosts that place no calls switch it off to spare the CPU).
/// </summary>
internal sealed class VocabularyRenderer(IvrPromptService prompts, IConfiguration configuration, ILogger<VocabularyRenderer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var preloaded = prompts.PreloadRendered();
        IvrAdminLog.PromptsPreloaded(logger, preloaded);
        if (!configuration.GetValue(TelephonyOptions.Section + ":Tts:RenderVocabularyAtStart", true))
        {
            return;
        }

        try
        {
            var callbackKey = configuration[TelephonyOptions.Section + ":Acd:Callback:Key"] ?? "1";
            var rendered = await prompts.RenderVocabularyAsync(
                [Language.Az, Language.Ru, Language.En], stoppingToken, language => QueueCallbackWording.All(language, callbackKey));
            IvrAdminLog.VocabularyRendered(logger, rendered);
        }
        catch (PromptException ex)
        {
            IvrAdminLog.VocabularyFailed(logger, ex.Message);
        }
    }
}
