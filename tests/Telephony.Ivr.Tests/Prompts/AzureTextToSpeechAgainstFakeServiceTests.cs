using System.Net;
using System.Xml.Linq;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;
using Telephony.TestKit.Host;

namespace Telephony.Ivr.Tests.Prompts;

/// <summary>
/// AzureTextToSpeech against a FAKE of Azure Speech's REST endpoint on 127.0.0.1 (no real Azure is reached): the fake
/// checks what the real service checks — key, output format, SSML content type, well-formed SSML naming a voice — and
/// answers with an 8 kHz RIFF WAV, or with 401/400 as the service does.
/// </summary>
public sealed class AzureTextToSpeechAgainstFakeServiceTests : IAsyncLifetime
{
    private const string Key = "test-key-123";
    private readonly HttpListener _listener = new();
    private readonly List<(string Voice, string Lang, string Text)> _requests = [];
    private Task? _serving;
    private Uri _baseAddress = null!;

    public Task InitializeAsync()
    {
        var port = FreePort.Tcp();
        _baseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_baseAddress.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        if (_serving is not null)
        {
            await _serving;
        }

        _listener.Close();
    }

    [Theory]
    [InlineData(Language.Az, "az-AZ-BanuNeural", "az-AZ", "Xoş gəlmisiniz")]
    [InlineData(Language.Ru, "ru-RU-SvetlanaNeural", "ru-RU", "Добро пожаловать")]
    [InlineData(Language.En, "en-US-JennyNeural", "en-US", "Welcome <to> the \"hotline\" & more")]
    public async Task Synthesize_sends_ssml_with_the_neural_voice_and_reads_the_wav(Language language, string voice, string locale, string text)
    {
        using var http = new HttpClient();
        var speech = new AzureTextToSpeech(http, Options(Key));

        var audio = await speech.SynthesizeAsync(text, language, speech.DefaultVoice(language), default);

        Assert.Equal(TimeSpan.FromSeconds(0.5), audio.Duration);
        var request = Assert.Single(_requests);
        Assert.Equal((voice, locale, text), request);
    }

    [Fact]
    public async Task Synthesize_with_a_wrong_key_fails_with_the_status_in_the_message()
    {
        using var http = new HttpClient();
        var speech = new AzureTextToSpeech(http, Options("wrong"));

        var refused = await Assert.ThrowsAsync<PromptException>(() => speech.SynthesizeAsync("Hello", Language.En, "en-US-JennyNeural", default));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_without_a_base_address_is_the_region_of_the_resource()
    {
        var options = new AzureSpeechOptions { Region = "westeurope", SubscriptionKey = Key };

        Assert.Equal(new Uri("https://westeurope.tts.speech.microsoft.com/cognitiveservices/v1"), options.Endpoint);
    }

    private AzureSpeechOptions Options(string key) => new() { Region = "local", SubscriptionKey = key, BaseAddress = _baseAddress };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                // Stopped by DisposeAsync: whichever exception the pending accept ends with, serving is over.
                return;
            }

            using var response = context.Response;
            var request = context.Request;
            if (request.Headers["Ocp-Apim-Subscription-Key"] != Key)
            {
                response.StatusCode = 401;
                continue;
            }

            using var reader = new StreamReader(request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (request.HttpMethod != "POST" || request.Url!.AbsolutePath != "/cognitiveservices/v1" ||
                request.Headers["X-Microsoft-OutputFormat"] != AzureTextToSpeech.OutputFormat ||
                request.ContentType?.StartsWith("application/ssml+xml", StringComparison.Ordinal) != true ||
                string.IsNullOrEmpty(request.UserAgent))
            {
                response.StatusCode = 400;
                continue;
            }

            XElement speak;
            try
            {
                speak = XElement.Parse(body);
            }
            catch (System.Xml.XmlException)
            {
                response.StatusCode = 400;
                continue;
            }

            var voice = speak.Element("voice");
            if (speak.Name.LocalName != "speak" || voice is null)
            {
                response.StatusCode = 400;
                continue;
            }

            var lang = (string?)speak.Attribute(XNamespace.Xml + "lang") ?? string.Empty;
            _requests.Add(((string?)voice.Attribute("name") ?? string.Empty, lang, voice.Value));
            var wav = new PcmAudio(new byte[8000]).ToWav();
            response.ContentType = "audio/x-wav";
            await response.OutputStream.WriteAsync(wav);
        }
    }
}
