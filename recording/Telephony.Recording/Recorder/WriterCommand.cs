namespace Telephony.Recording.Recorder;

/// <summary>One piece of work for the writer loop: audio for a leg, a conversation's end, or the periodic flush.</summary>
internal readonly record struct WriterCommand(
    WriterCommandKind Kind,
    ConversationRecorder? Recorder,
    RecordingChannel Channel,
    long Position,
    short[]? Buffer,
    int Count);
