namespace Telephony.Reports.Building;

/// <summary>
/// The additive sums of a set of buckets, and the figures derived from them. Durations are milliseconds;
/// derived figures are null where their base is zero.
/// </summary>
public sealed record ReportFigures
{
    public const string ServiceLevelFormula =
        "Service level = calls answered within the target wait (inclusive) / (calls offered − short abandons)";

    public long Offered { get; init; }
    public long Answered { get; init; }
    public long AnsweredWithinTarget { get; init; }
    public long Abandoned { get; init; }
    public long ShortAbandoned { get; init; }
    public long AnswerWaitMs { get; init; }
    public long LongestWaitMs { get; init; }
    public long TalkMs { get; init; }
    public long WrapUpMs { get; init; }
    public long CallbacksRequested { get; init; }
    public long CallbacksMade { get; init; }
    public long SurveySum { get; init; }
    public long SurveyCount { get; init; }
    public long IvrDropped { get; init; }
    public long LoggedInMs { get; init; }
    public long BusyMs { get; init; }

    /// <summary>Service level in percent: answered within target / (offered − short abandons).</summary>
    public double? ServiceLevelPercent => Offered - ShortAbandoned > 0 ? 100.0 * AnsweredWithinTarget / (Offered - ShortAbandoned) : null;

    /// <summary>Average speed of answer, seconds.</summary>
    public double? AverageSpeedOfAnswerSeconds => PerAnswered(AnswerWaitMs);

    public double? AverageTalkSeconds => PerAnswered(TalkMs);

    public double? AverageWrapUpSeconds => PerAnswered(WrapUpMs);

    /// <summary>Average handle time: talk plus wrap-up, seconds.</summary>
    public double? AverageHandleSeconds => PerAnswered(TalkMs + WrapUpMs);

    public double LongestWaitSeconds => LongestWaitMs / 1000.0;

    public double? SurveyAverage => SurveyCount > 0 ? (double)SurveySum / SurveyCount : null;

    /// <summary>Agent occupancy in percent: time on calls and in wrap-up over logged-in time.</summary>
    public double? OccupancyPercent => LoggedInMs > 0 ? 100.0 * BusyMs / LoggedInMs : null;

    public static ReportFigures Sum(IEnumerable<ReportFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = new ReportFigures();
        foreach (var part in parts)
        {
            total = total.Add(part);
        }

        return total;
    }

    public ReportFigures Add(ReportFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            Offered = Offered + other.Offered,
            Answered = Answered + other.Answered,
            AnsweredWithinTarget = AnsweredWithinTarget + other.AnsweredWithinTarget,
            Abandoned = Abandoned + other.Abandoned,
            ShortAbandoned = ShortAbandoned + other.ShortAbandoned,
            AnswerWaitMs = AnswerWaitMs + other.AnswerWaitMs,
            LongestWaitMs = Math.Max(LongestWaitMs, other.LongestWaitMs),
            TalkMs = TalkMs + other.TalkMs,
            WrapUpMs = WrapUpMs + other.WrapUpMs,
            CallbacksRequested = CallbacksRequested + other.CallbacksRequested,
            CallbacksMade = CallbacksMade + other.CallbacksMade,
            SurveySum = SurveySum + other.SurveySum,
            SurveyCount = SurveyCount + other.SurveyCount,
            IvrDropped = IvrDropped + other.IvrDropped,
            LoggedInMs = LoggedInMs + other.LoggedInMs,
            BusyMs = BusyMs + other.BusyMs,
        };
    }

    private double? PerAnswered(long totalMs) => Answered > 0 ? totalMs / 1000.0 / Answered : null;
}
