using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;

namespace Telephony.Ivr.Tests.Prompts;

/// <summary>The real espeak-ng and sox speak each hotline language at telephone quality.</summary>
public sealed class EspeakTextToSpeechTests
{
    /// <summary>Speech measures far above this; silence or a broken conversion measures zero.</summary>
    private const double AudibleRms = 0.01;

    [Theory]
    [InlineData(Language.Az, "Qaynar xəttə xoş gəlmisiniz. Zəhmət olmasa gözləyin.")]
    [InlineData(Language.Ru, "Добро пожаловать на горячую линию. Пожалуйста, подождите.")]
    [InlineData(Language.En, "Welcome to the hotline. Please hold.")]
    public async Task Synthesize_each_language_is_audible_8_kHz_mono_speech(Language language, string text)
    {
        var speech = new EspeakTextToSpeech();
        var path = Path.Combine(Path.GetTempPath(), $"espeak-test-{Guid.NewGuid():N}.wav");
        try
        {
            var audio = await speech.SynthesizeAsync(text, language, speech.DefaultVoice(language), default);
            await File.WriteAllBytesAsync(path, audio.ToWav());
            var (seconds, rms, rate, channels) = await SoxStat.MeasureAsync(path);

            Assert.Equal(8000, rate);
            Assert.Equal(1, channels);
            Assert.InRange(seconds, 1.0, 15.0);
            Assert.Equal(audio.Duration.TotalSeconds, seconds, 2);
            Assert.True(rms > AudibleRms, $"RMS {rms} is not speech");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DefaultVoice_is_the_espeak_voice_of_each_language()
    {
        var speech = new EspeakTextToSpeech();

        Assert.Equal(["az", "ru", "en-us"], new[] { Language.Az, Language.Ru, Language.En }.Select(speech.DefaultVoice));
    }
}
