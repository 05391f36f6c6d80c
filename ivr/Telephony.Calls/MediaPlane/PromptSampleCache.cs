using System.Collections.Concurrent;
using Telephony.Media.Audio;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Decoded prompt files shared by every call that plays them. Without it each playback read and decoded its file into
/// a new array; most rendered prompts are over 85 KB, so at hundreds of calls a second that was hundreds of MB a second
/// of large-object allocation (and gen2 collections that stall the media tick). An entry is used only while the file's
/// length and last write time are what they were when it was read, so a re-rendered prompt is read afresh. The cache
/// holds at most <see cref="BudgetSamples"/> samples; past that it starts over rather than track use.
/// </summary>
internal sealed class PromptSampleCache
{
    /// <summary>32 M samples = 64 MB: about 70 minutes of 8 kHz prompts.</summary>
    public const long BudgetSamples = 32L << 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly long _budgetSamples;
    private long _heldSamples;

    public PromptSampleCache(long budgetSamples = BudgetSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetSamples);
        _budgetSamples = budgetSamples;
    }

    /// <summary>The one cache of the process.</summary>
    public static PromptSampleCache Shared { get; } = new();

    /// <summary>Samples held now.</summary>
    public long HeldSamples => Interlocked.Read(ref _heldSamples);

    /// <summary>The file's samples (8 kHz mono), decoded once per version of the file; throws like <see cref="PcmBufferSource.LoadWav"/>.</summary>
    public short[] Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Prompt {path} does not exist.", path);
        }

        if (_entries.TryGetValue(path, out var entry) && entry.Length == info.Length && entry.WrittenUtc == info.LastWriteTimeUtc)
        {
            return entry.Samples;
        }

        var samples = PcmBufferSource.LoadWav(path);
        if (samples.Length > _budgetSamples)
        {
            return samples;
        }

        if (Interlocked.Add(ref _heldSamples, samples.Length) > _budgetSamples)
        {
            Clear(); // takes off what the entries held; these samples stay counted
        }

        var fresh = new Entry(info.Length, info.LastWriteTimeUtc, samples);
        _entries.AddOrUpdate(path, fresh, (_, old) =>
        {
            Interlocked.Add(ref _heldSamples, -old.Samples.Length);
            return fresh;
        });
        return samples;
    }

    private void Clear()
    {
        foreach (var key in _entries.Keys)
        {
            if (_entries.TryRemove(key, out var removed))
            {
                Interlocked.Add(ref _heldSamples, -removed.Samples.Length);
            }
        }
    }

    private sealed record Entry(long Length, DateTime WrittenUtc, short[] Samples);
}
