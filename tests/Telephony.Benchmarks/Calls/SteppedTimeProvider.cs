namespace Telephony.Benchmarks.Calls;

/// <summary>A clock that moves only when told, for driving the media tick by hand.</summary>
public sealed class SteppedTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
