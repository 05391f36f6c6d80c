namespace Telephony.Host.Acd;

/// <summary>
/// A queue's finished calls since the start of the day: offered, answered (and within the service-level threshold),
/// abandoned; service level = answered within threshold / offered, abandon rate = abandoned / offered, in percent.
/// </summary>
public sealed record QueueDayCounts(
    string Queue,
    int Offered,
    int Answered,
    int AnsweredWithinTarget,
    int Abandoned,
    double? ServiceLevelPercent,
    double? AbandonRatePercent);
