using System.Buffers;
using Telephony.Media.Wav;

namespace Telephony.Recording.Recorder;

/// <summary>
/// Lines up the two legs of one conversation by sample position and writes stereo frames to its WAV file.
/// A ring of <see cref="WindowFrames"/> stereo frames holds audio not yet written; a frame is written once both legs
/// have delivered past it, or once the leading leg is <see cref="LagFrames"/> ahead (the other leg is silent or lost),
/// and whatever a leg never delivered stays zero: gaps become silence. Used only on the writer loop's thread.
/// </summary>
internal sealed class ConversationTimeline : IDisposable
{
    public const int SampleRate = 8000;
    public const int LagFrames = SampleRate;
    public const int WindowFrames = 2 * SampleRate;

    // A chunk placed in one go must fit in the window beside the lag.
    private const int MaxPlaceFrames = WindowFrames - LagFrames;

    private readonly WavWriter _writer;
    private readonly short[] _ring;
    private readonly long[] _delivered = new long[2];
    private bool _disposed;

    public ConversationTimeline(WavWriter writer)
    {
        _writer = writer;
        _ring = ArrayPool<short>.Shared.Rent(2 * WindowFrames);
        Array.Clear(_ring, 0, 2 * WindowFrames);
    }

    /// <summary>Stereo frames written to the file so far.</summary>
    public long CommittedFrames { get; private set; }

    public long DroppedLateSamples { get; private set; }

    public long DataBytes => _writer.DataLength;

    /// <summary>Places one leg's samples at their position and writes every frame that is settled.</summary>
    public void Place(RecordingChannel channel, long position, ReadOnlySpan<short> samples)
    {
        var index = (int)channel;
        if (position < CommittedFrames)
        {
            var late = (int)Math.Min(samples.Length, CommittedFrames - position);
            DroppedLateSamples += late;
            samples = samples[late..];
            position += late;
        }

        while (!samples.IsEmpty)
        {
            var part = samples[..Math.Min(samples.Length, MaxPlaceFrames)];
            var end = position + part.Length;
            if (end - CommittedFrames > WindowFrames)
            {
                // A jump past the window: everything before it is settled (silence where nothing came).
                CommitUpTo(end - WindowFrames);
            }

            for (var i = 0; i < part.Length; i++)
            {
                _ring[(2 * (int)((position + i) % WindowFrames)) + index] = part[i];
            }

            _delivered[index] = Math.Max(_delivered[index], end);
            samples = samples[part.Length..];
            position = end;
        }

        var settled = Math.Max(Math.Min(_delivered[0], _delivered[1]), Math.Max(_delivered[0], _delivered[1]) - LagFrames);
        CommitUpTo(settled);
    }

    /// <summary>Writes every frame either leg delivered, for the end of the conversation.</summary>
    public void CommitAll() => CommitUpTo(Math.Max(_delivered[0], _delivered[1]));

    /// <summary>Records the sizes so far in the header and pushes the bytes to the operating system.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<short>.Shared.Return(_ring);
        _writer.Dispose();
    }

    private void CommitUpTo(long target)
    {
        while (CommittedFrames < target)
        {
            var slot = (int)(CommittedFrames % WindowFrames);
            var count = (int)Math.Min(target - CommittedFrames, WindowFrames - slot);
            var frames = _ring.AsSpan(2 * slot, 2 * count);
            _writer.WriteSamples(frames);
            frames.Clear();
            CommittedFrames += count;
        }
    }
}
