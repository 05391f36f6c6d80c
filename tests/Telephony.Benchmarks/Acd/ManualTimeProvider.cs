namespace Telephony.Benchmarks.Acd;

/// <summary>A clock the benchmark moves by hand, so routing runs on virtual time as it does in tests.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
