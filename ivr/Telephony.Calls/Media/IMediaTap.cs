namespace Telephony.Calls.Media;

/// <summary>
/// Receives both directions of a bridged conversation as decoded 8 kHz PCM, for the recorder. <paramref name="samplePosition"/>
/// counts samples since the bridge started on that channel's own RTP clock, so gaps (lost packets, silence suppression) show as jumps
/// the consumer fills with silence. Called on the media threads: implementations copy and return at once.
/// </summary>
public interface IMediaTap
{
    void OnAudio(TapChannel channel, long samplePosition, ReadOnlySpan<short> pcm);

    /// <summary>The bridge ended; no more audio follows.</summary>
    void OnEnded();
}
