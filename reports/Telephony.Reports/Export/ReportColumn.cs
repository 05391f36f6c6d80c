using Telephony.Reports.Building;

namespace Telephony.Reports.Export;

/// <summary>One figure column of a report table, shared by the workbook and the CSV files so both show the same numbers.</summary>
public sealed record ReportColumn(string Heading, Func<ReportFigures, double?> Value)
{
    private static readonly ReportColumn[] CallColumns =
    [
        new("Offered", f => f.Offered),
        new("Answered", f => f.Answered),
        new("Answered within target", f => f.AnsweredWithinTarget),
        new("Abandoned", f => f.Abandoned),
        new("Short abandons", f => f.ShortAbandoned),
        new("Service level %", f => Round(f.ServiceLevelPercent, 1)),
        new("ASA s", f => Round(f.AverageSpeedOfAnswerSeconds, 1)),
        new("Average talk s", f => Round(f.AverageTalkSeconds, 1)),
        new("Average wrap-up s", f => Round(f.AverageWrapUpSeconds, 1)),
        new("AHT s", f => Round(f.AverageHandleSeconds, 1)),
        new("Longest wait s", f => Round(f.LongestWaitSeconds, 1)),
        new("Callbacks requested", f => f.CallbacksRequested),
        new("Callbacks made", f => f.CallbacksMade),
        new("Survey average", f => Round(f.SurveyAverage, 2)),
        new("Survey count", f => f.SurveyCount),
    ];

    private static readonly ReportColumn[] AgentColumns =
    [
        new("Answered", f => f.Answered),
        new("Average talk s", f => Round(f.AverageTalkSeconds, 1)),
        new("Average wrap-up s", f => Round(f.AverageWrapUpSeconds, 1)),
        new("AHT s", f => Round(f.AverageHandleSeconds, 1)),
        new("Logged in h", f => Round(f.LoggedInMs / 3_600_000.0, 2)),
        new("Talk and wrap-up h", f => Round(f.BusyMs / 3_600_000.0, 2)),
        new("Occupancy %", f => Round(f.OccupancyPercent, 1)),
        new("Survey average", f => Round(f.SurveyAverage, 2)),
        new("Survey count", f => f.SurveyCount),
    ];

    private static readonly ReportColumn[] IvrColumns = [new("Calls that left here without reaching a queue", f => f.IvrDropped)];

    /// <summary>The summary's lines: the call figures, then overall occupancy.</summary>
    public static IReadOnlyList<ReportColumn> Summary { get; } = [.. CallColumns, new("Occupancy %", f => Round(f.OccupancyPercent, 1))];

    public static IReadOnlyList<ReportColumn> For(ReportTableShape shape) => shape switch
    {
        ReportTableShape.Agents => AgentColumns,
        ReportTableShape.IvrDropOff => IvrColumns,
        _ => CallColumns,
    };

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;
}
