using ScottPlot;
using Telephony.Reports.Building;

namespace Telephony.Reports.Export;

/// <summary>The report's charts as PNG images: for the workbook's Summary sheet and for the web page.</summary>
public static class ReportCharts
{
    private const int Width = 900;
    private const int Height = 400;

    /// <summary>Offered and answered calls per hour, day or month of the period.</summary>
    public static byte[] CallsByTime(ReportTable byTime)
    {
        ArgumentNullException.ThrowIfNull(byTime);
        return Bars(
            "Calls by " + byTime.KeyHeading.ToLowerInvariant(),
            byTime.Rows,
            [("Offered", f => f.Offered, Colors.SteelBlue), ("Answered", f => f.Answered, Colors.SeaGreen)]);
    }

    /// <summary>Offered, answered and abandoned calls per queue.</summary>
    public static byte[] CallsByQueue(ReportTable byQueue)
    {
        ArgumentNullException.ThrowIfNull(byQueue);
        return Bars(
            "Calls by queue",
            byQueue.Rows,
            [("Offered", f => f.Offered, Colors.SteelBlue), ("Answered", f => f.Answered, Colors.SeaGreen), ("Abandoned", f => f.Abandoned, Colors.IndianRed)]);
    }

    private static byte[] Bars(string title, IReadOnlyList<ReportRow> rows, (string Name, Func<ReportFigures, long> Value, Color Color)[] series)
    {
        using var plot = new Plot();
        var groupWidth = 0.8;
        var barWidth = groupWidth / series.Length;
        for (var s = 0; s < series.Length; s++)
        {
            var bars = new List<Bar>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                bars.Add(new Bar
                {
                    Position = i - (groupWidth / 2) + (barWidth * (s + 0.5)),
                    Value = series[s].Value(rows[i].Figures),
                    Size = barWidth,
                    FillColor = series[s].Color,
                });
            }

            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }

        var ticks = rows.Select((row, i) => new Tick(i, row.Key.Length == 0 ? "(none)" : row.Key)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = rows.Count > 12 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = rows.Count > 12 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
