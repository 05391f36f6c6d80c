namespace Telephony.Acd.Estimation;

/// <summary>Exponentially weighted average of handle times: recent calls count most, old ones fade.</summary>
public sealed class HandleTimeAverage
{
    private readonly double _smoothing;
    private double _averageSeconds;

    public HandleTimeAverage(double smoothing)
    {
        if (smoothing is <= 0 or > 1 || double.IsNaN(smoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be in (0, 1].");
        }

        _smoothing = smoothing;
    }

    public int Samples { get; private set; }

    /// <summary>The average, or null before the first sample.</summary>
    public TimeSpan? Average => Samples == 0 ? null : TimeSpan.FromSeconds(_averageSeconds);

    public void Add(TimeSpan handleTime)
    {
        var seconds = Math.Max(0, handleTime.TotalSeconds);
        _averageSeconds = Samples == 0 ? seconds : (_smoothing * seconds) + ((1 - _smoothing) * _averageSeconds);
        Samples++;
    }
}
