using Telephony.Ivr.Model;

namespace Telephony.Ivr.Hours;

/// <summary>Result of <see cref="HoursEvaluator.Evaluate"/>; <see cref="Name"/> names the holiday or the closure.</summary>
public sealed record HoursStatus(HoursState State, IReadOnlyDictionary<Language, string>? Name = null)
{
    public static HoursStatus Open { get; } = new(HoursState.Open);

    public static HoursStatus Closed { get; } = new(HoursState.Closed);
}
