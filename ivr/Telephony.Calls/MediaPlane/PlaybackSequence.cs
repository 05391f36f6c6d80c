using Telephony.Calls.Media;
using Telephony.Media.Audio;
using Telephony.Media.Tones;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// The audio of one playback: the sources in order, once or looping, as one <see cref="IPcmSource"/>
/// for the outbound stream. Files are read and decoded when the playback is prepared (off the media
/// thread), once per file version for all calls (<see cref="PromptSampleCache"/>); each pass creates fresh
/// readers over the shared samples, so the media thread only copies.
/// </summary>
internal sealed class PlaybackSequence : IPcmSource
{
    private readonly Func<IPcmSource>[] _items;
    private readonly bool _loop;
    private IPcmSource? _current;
    private int _next;
    private bool _passProducedAudio;

    private PlaybackSequence(Func<IPcmSource>[] items, bool loop)
    {
        _items = items;
        _loop = loop;
    }

    /// <summary>Loads the sources (reading files now) and returns the sequence; throws <see cref="InvalidDataException"/> for a bad file.</summary>
    public static PlaybackSequence Prepare(IReadOnlyList<AudioSource> sources, bool loop)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var items = new Func<IPcmSource>[sources.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Prepare(sources[i]);
        }

        return new PlaybackSequence(items, loop);
    }

    public int Read(Span<short> frame)
    {
        var filled = 0;
        while (filled < frame.Length)
        {
            if (_current is null && !Advance())
            {
                return filled;
            }

            var read = _current!.Read(frame[filled..]);
            filled += read;
            _passProducedAudio |= read > 0;
            if (filled < frame.Length)
            {
                _current = null;
            }
        }

        return filled;
    }

    private static Func<IPcmSource> Prepare(AudioSource source)
    {
        switch (source)
        {
            case FileAudioSource file:
                var samples = PromptSampleCache.Shared.Get(file.Path);
                return () => new PcmBufferSource(samples);
            case ToneAudioSource tone:
                var cadence = tone.Kind switch
                {
                    ToneKind.Ringback => CallProgressTones.EuropeanRingback,
                    ToneKind.Busy => CallProgressTones.EuropeanBusy,
                    _ => CallProgressTones.BeepOf(1000, (int)Math.Max(1, tone.Duration.TotalMilliseconds)),
                };
                var toneSamples = SamplesOf(tone.Duration);
                return () => new LimitedSource(new TonePlayer(cadence), toneSamples);
            case SilenceAudioSource silence:
                return () => new SilenceSource(silence.Duration);
            default:
                throw new NotSupportedException($"Audio source {source.GetType().Name} is not supported by the media plane.");
        }
    }

    private static long SamplesOf(TimeSpan duration) => (long)(duration.TotalSeconds * PcmFrame.SampleRate);

    private bool Advance()
    {
        if (_next == _items.Length)
        {
            // A looping pass that produced nothing would spin forever: end instead.
            if (!_loop || _items.Length == 0 || !_passProducedAudio)
            {
                return false;
            }

            _next = 0;
            _passProducedAudio = false;
        }

        _current = _items[_next++]();
        return true;
    }
}
