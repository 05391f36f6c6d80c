namespace Telephony.Media.Scheduling;

/// <summary>
/// An outgoing stream paced by the <see cref="MediaTickScheduler"/>: once per ptime it produces and
/// sends one packet. <see cref="OnTick"/> runs on the single media thread for every stream, so it
/// must not block, wait on I/O or allocate; it should take microseconds.
/// </summary>
public interface IMediaTickStream
{
    /// <summary>Produces and sends this tick's packet. Derive the RTP timestamp from <see cref="MediaTick.ElapsedSamples"/>.</summary>
    void OnTick(in MediaTick tick);
}
