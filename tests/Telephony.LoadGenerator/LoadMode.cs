namespace Telephony.LoadGenerator;

/// <summary>How calls are offered.</summary>
public enum LoadMode
{
    /// <summary>N calls set up (at the ramp rate) and each held for the hold time: the concurrent-calls target.</summary>
    Concurrent,

    /// <summary>R new calls a second for a duration, each held for the hold time: the call-rate target.</summary>
    Rate,
}
