using System.Security.Cryptography;
using Telephony.Host.Configuration;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;
using Telephony.Ivr.Store.Prompts;

namespace Telephony.Host.Ivr;

/// <summary>
/// The host's side of prompts: picks the speech provider from configuration (Telephony:Tts:Provider = espeak | azure),
/// renders trees ahead of publishing, converts and stores uploads, and speaks previews for the admin's play button.
/// Uploaded recordings live in the database and are copied into this host's cache before a tree that uses them renders.
/// </summary>
internal sealed class IvrPromptService : IDisposable
{
    /// <summary>An upload larger than this (about ten minutes of MP3) is refused before conversion.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    private readonly PromptCache _cache;
    private readonly PromptUploadStore _uploads;
    private readonly RenderedPromptIndex _index;
    private readonly ILogger<IvrPromptService> _logger;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly Lazy<ITextToSpeech> _speech;
    private readonly Lazy<PromptRenderer> _renderer;

    public IvrPromptService(
        TelephonyOptions options, IConfiguration configuration, PromptUploadStore uploads, RenderedPromptIndex index, ILogger<IvrPromptService> logger)
    {
        _cache = new PromptCache(Path.Combine(options.DataDirectory, "prompts"));
        _uploads = uploads;
        _index = index;
        _logger = logger;
        var tts = configuration.GetSection("Telephony:Tts");

        // Created on first use, and not remembered when it fails: installing espeak-ng later must not need a restart.
        _speech = new Lazy<ITextToSpeech>(() => CreateSpeech(tts), LazyThreadSafetyMode.PublicationOnly);
        _renderer = new Lazy<PromptRenderer>(() => new PromptRenderer(_speech.Value, _cache), LazyThreadSafetyMode.PublicationOnly);
    }

    public PromptCache Cache => _cache;

    /// <summary>What calls play: the prompts and word fragments rendered in this host's cache.</summary>
    public CachedPromptLibrary CreateLibrary() => new(_cache, _speech.Value);

    /// <summary>
    /// Renders the closed vocabulary of spoken numbers, minutes, dates, times and keys in every language, so that a call
    /// announcing a queue position or reading back an appeal number finds every word ready. Already rendered words are skipped.
    /// <paramref name="sentences"/> adds fixed texts of the host's own (the queue's callback offer) per language.
    /// </summary>
    public async Task<int> RenderVocabularyAsync(IEnumerable<Language> languages, CancellationToken cancellationToken, Func<Language, IEnumerable<string>>? sentences = null)
    {
        var rendered = 0;
        foreach (var language in languages)
        {
            foreach (var word in Telephony.Ivr.Interpreter.Prompts.PromptRequirements.Fragments(language).Concat(sentences?.Invoke(language) ?? []))
            {
                if (await _renderer.Value.RenderAsync("vocabulary", "word", new PromptContent { Text = word }, language, cancellationToken) is { Synthesised: true })
                {
                    rendered++;
                }
            }
        }

        return rendered;
    }

    /// <summary>Makes every prompt of the tree playable; throws <see cref="PromptException"/> saying what is missing.</summary>
    public async Task RenderTreeAsync(MenuTree tree, CancellationToken cancellationToken)
    {
        try
        {
            await RestoreUploadsAsync(tree, cancellationToken);
            var renderer = _renderer.Value;
            var rendered = await renderer.RenderAllAsync(tree, cancellationToken);
            var synthesised = 0;
            foreach (var prompt in rendered.Where(p => p.Synthesised))
            {
                synthesised++;
                await _index.RecordAsync(prompt.CacheKey!, prompt.Provider!, prompt.Voice!, prompt.Language, prompt.Text!, prompt.FileName,
                    (int)prompt.Duration.TotalMilliseconds, cancellationToken);
            }

            IvrAdminLog.PromptsRendered(_logger, tree.Id, tree.Version, rendered.Count, synthesised);
            Telephony.Calls.MediaPlane.PromptPreloader.Preload(rendered.Select(p => _cache.FullPath(p.FileName)).Distinct());
        }
        catch (PromptException ex)
        {
            IvrAdminLog.PromptsFailed(_logger, tree.Id, ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Decodes the prompts this host rendered before (newest first) into the calls' sample cache, so the first calls after
    /// a start do not decode them while other calls play; returns how many.
    /// </summary>
    public int PreloadRendered()
    {
        if (!Directory.Exists(_cache.Directory))
        {
            return 0;
        }

        var files = new DirectoryInfo(_cache.Directory).EnumerateFiles("*.wav", SearchOption.AllDirectories)
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .Select(file => file.FullName);
        return Telephony.Calls.MediaPlane.PromptPreloader.Preload(files);
    }

    /// <summary>The audio a prompt plays: its recording if it has one, else its text spoken; null when it has neither.</summary>
    public async Task<PcmAudio?> PreviewAsync(string nodeId, PromptContent content, Language language, CancellationToken cancellationToken)
    {
        if (PromptUpload.Sha256Of(content.Audio) is { } sha && !_cache.Contains(content.Audio!))
        {
            await RestoreUploadAsync(sha, cancellationToken);
            if (!_cache.Contains(content.Audio!) && string.IsNullOrWhiteSpace(content.Text))
            {
                return null;
            }
        }

        var rendered = await _renderer.Value.RenderAsync(nodeId, "prompt", content, language, cancellationToken);
        return rendered is null ? null : await _cache.ReadAsync(rendered.FileName, cancellationToken);
    }

    /// <summary>Converts an uploaded WAV or MP3 to the prompt format and keeps it in the database and this host's cache.</summary>
    public async Task<PromptUpload> UploadAsync(
        string treeId, string nodeId, Language language, Stream content, string fileName, string actor, CancellationToken cancellationToken)
    {
        var audio = await SoxAudio.ConvertUploadAsync(content, fileName, cancellationToken);
        if (audio.Samples.Length == 0)
        {
            throw new PromptException($"'{fileName}' contains no sound.");
        }

        var wav = audio.ToWav();
        var upload = new PromptUpload
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(wav)),
            TreeId = treeId,
            NodeId = nodeId,
            Language = language,
            OriginalName = Path.GetFileName(fileName),
            Wav = wav,
            DurationMilliseconds = (int)audio.Duration.TotalMilliseconds,
            UploadedBy = actor,
        };
        await _uploads.SaveAsync(upload, cancellationToken);
        await _cache.WriteAsync(upload.Reference, audio, cancellationToken);
        return upload;
    }

    public void Dispose() => _http.Dispose();

    private ITextToSpeech CreateSpeech(IConfigurationSection tts)
    {
        var provider = tts["Provider"] ?? "espeak";
        if (string.Equals(provider, "espeak", StringComparison.OrdinalIgnoreCase))
        {
            return new EspeakTextToSpeech();
        }

        if (!string.Equals(provider, "azure", StringComparison.OrdinalIgnoreCase))
        {
            throw new PromptException($"Telephony:Tts:Provider '{provider}' is not a speech provider this server knows (espeak, azure).");
        }

        var azure = tts.GetSection("Azure");
        var region = azure["Region"];
        var key = azure["Key"];
        if (string.IsNullOrWhiteSpace(region) || string.IsNullOrWhiteSpace(key))
        {
            throw new PromptException("Telephony:Tts:Azure:Region and Telephony:Tts:Azure:Key are required for the Azure speech provider.");
        }

        return new AzureTextToSpeech(_http, new AzureSpeechOptions
        {
            Region = region,
            SubscriptionKey = key,
            BaseAddress = azure["BaseAddress"] is { Length: > 0 } address ? new Uri(address) : null,
        });
    }

    private async Task RestoreUploadsAsync(MenuTree tree, CancellationToken cancellationToken)
    {
        var references = tree.Nodes.Values
            .SelectMany(node => node.ExtraPrompts().Select(p => p.Value).Append(node.Prompt))
            .SelectMany(prompt => prompt.Values)
            .Select(content => content.Audio)
            .Where(audio => audio is not null && !_cache.Contains(audio))
            .Distinct(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (PromptUpload.Sha256Of(reference) is { } sha)
            {
                await RestoreUploadAsync(sha, cancellationToken);
            }
        }
    }

    private async Task RestoreUploadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (await _uploads.GetWavAsync(sha256, cancellationToken) is { } wav)
        {
            await _cache.WriteAsync(PromptUpload.ReferenceFor(sha256), PcmAudio.FromWav(wav), cancellationToken);
        }
    }
}
