namespace Telephony.Media.Audio;

/// <summary>
/// A producer of 8 kHz mono 16-bit audio that the media tick pulls one frame at a time.
/// Implementations must not allocate or block in <see cref="Read"/>: it runs on the media thread.
/// </summary>
public interface IPcmSource
{
    /// <summary>
    /// Fills <paramref name="frame"/> with the next samples. Returns the number of samples written;
    /// fewer than requested means the source has ended (the caller pads with silence).
    /// </summary>
    int Read(Span<short> frame);
}
