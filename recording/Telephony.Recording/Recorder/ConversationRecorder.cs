using Telephony.Media.Wav;

namespace Telephony.Recording.Recorder;

/// <summary>
/// The recorder of one bridged conversation. <see cref="Write"/> is called on the media threads: it copies the samples into a
/// pooled buffer, queues them for the shared writer loop and returns; it never throws and never blocks, so recording trouble
/// cannot break the call. The file itself is touched only by the writer loop.
/// </summary>
public sealed class ConversationRecorder
{
    private readonly RecordingWriterLoop _loop;
    private readonly TaskCompletionSource<RecordedFile> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finishRequested;

    internal ConversationRecorder(RecordingWriterLoop loop, string path)
    {
        _loop = loop;
        Path = path;
    }

    /// <summary>The WAV file being written.</summary>
    public string Path { get; }

    // Owned by the writer loop's thread.
    internal ConversationTimeline? Timeline { get; set; }

    internal bool Failed { get; set; }

    /// <summary>
    /// Queues one leg's decoded 8 kHz samples at <paramref name="samplePosition"/> (samples since the bridge on that leg's clock;
    /// a jump is a gap, recorded as silence). Audio after <see cref="FinishAsync"/> is ignored.
    /// </summary>
    public void Write(RecordingChannel channel, long samplePosition, ReadOnlySpan<short> pcm)
    {
        if (pcm.IsEmpty || samplePosition < 0 || Volatile.Read(ref _finishRequested) != 0 || !Enum.IsDefined(channel))
        {
            return;
        }

        var buffer = _loop.Buffers.Rent(pcm.Length);
        pcm.CopyTo(buffer);
        if (!_loop.TryEnqueue(new WriterCommand(WriterCommandKind.Audio, this, channel, samplePosition, buffer, pcm.Length)))
        {
            _loop.Buffers.Return(buffer);
        }
    }

    /// <summary>Ends the conversation: the loop writes what is pending, finishes the header and closes the file.</summary>
    public Task<RecordedFile> FinishAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _finishRequested, 1) == 0 &&
            !_loop.TryEnqueue(new WriterCommand(WriterCommandKind.Finish, this, default, 0, null, 0)))
        {
            _finished.TrySetException(new ObjectDisposedException(nameof(RecordingWriterLoop), "The recording writer loop has stopped."));
        }

        return _finished.Task.WaitAsync(cancellationToken);
    }

    internal void Open()
    {
        Timeline = new ConversationTimeline(WavWriter.Create(Path, WavFormat.Pcm8kStereo));
    }

    internal void Complete()
    {
        var timeline = Timeline;
        _finished.TrySetResult(new RecordedFile(Path, timeline?.CommittedFrames ?? 0, timeline?.DataBytes ?? 0, timeline?.DroppedLateSamples ?? 0, Failed || timeline is null));
    }
}
