using Telephony.Recording.Store;

namespace Telephony.Recording.Recorder;

/// <summary>
/// A conversation being recorded, handed to the call layer at bridge. <see cref="Write"/> is the media-thread entry point
/// (the host adapts <c>IMediaTap.OnAudio</c> to it); when the recording was skipped it does nothing.
/// </summary>
public sealed class ActiveRecording
{
    private readonly ConversationRecorder? _recorder;

    internal ActiveRecording(RecordingRow row, ConversationRecorder? recorder)
    {
        Row = row;
        _recorder = recorder;
    }

    public Guid Id => Row.Id;

    /// <summary>True when nothing is being recorded (disk low with <see cref="LowDiskPolicy.Skip"/>, or the file could not be created).</summary>
    public bool IsSkipped => _recorder is null;

    internal RecordingRow Row { get; }

    internal ConversationRecorder? Recorder => _recorder;

    /// <summary>Queues one leg's 8 kHz samples at its sample position; cheap, never throws.</summary>
    public void Write(RecordingChannel channel, long samplePosition, ReadOnlySpan<short> pcm) =>
        _recorder?.Write(channel, samplePosition, pcm);
}
