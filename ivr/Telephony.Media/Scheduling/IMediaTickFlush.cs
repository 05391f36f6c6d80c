namespace Telephony.Media.Scheduling;

/// <summary>
/// Where streams hand packets that are due later when the tick runs ahead (<see cref="MediaTickScheduler.TryRunAhead"/>):
/// flushed on the media thread at the end of every pass, and disposed by the scheduler once its thread has ended.
/// </summary>
public interface IMediaTickFlush : IDisposable
{
    /// <summary>Hands over what this pass scheduled; runs on the media thread, after every pass, due ticks or not.</summary>
    void Flush();
}
