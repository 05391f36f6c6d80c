namespace Telephony.Media.Audio;

/// <summary>
/// A consumer of decoded 8 kHz mono 16-bit audio, one frame per ptime (the recorder, speech or DTMF
/// analysis, a conference mixer). Called on the media thread; must not block or allocate.
/// </summary>
public interface IPcmSink
{
    /// <summary>Takes one frame; the span is reused after the call returns.</summary>
    void Write(ReadOnlySpan<short> frame);
}
