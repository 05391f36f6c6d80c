namespace Telephony.Recording.Recorder;

/// <summary>What the writer loop produced for one conversation once it finished.</summary>
/// <param name="Path">The WAV file.</param>
/// <param name="SampleFrames">Stereo sample frames in the file (8,000 a second).</param>
/// <param name="DataBytes">Audio bytes in the data chunk.</param>
/// <param name="DroppedLateSamples">Samples that arrived for a moment already written, and were dropped.</param>
/// <param name="Failed">True when writing failed (disk full, I/O error); the file holds what was written before.</param>
public sealed record RecordedFile(string Path, long SampleFrames, long DataBytes, long DroppedLateSamples, bool Failed)
{
    /// <summary>The playing time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(SampleFrames / (double)ConversationTimeline.SampleRate);
}
