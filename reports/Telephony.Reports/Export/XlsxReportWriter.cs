using System.Globalization;
using ClosedXML.Excel;
using ClosedXML.Excel.Drawings;
using Telephony.Reports.Building;

namespace Telephony.Reports.Export;

/// <summary>
/// The report as one workbook: a Summary sheet (period, settings, the service-level formula, the summary figures and the charts),
/// then one sheet per table with a heading row and one row per key.
/// </summary>
public static class XlsxReportWriter
{
    public const string SummarySheet = "Summary";

    public static byte[] Write(ReportData report, IReadOnlyList<(string Name, byte[] Png)> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.Worksheets.Add(SummarySheet), report, charts);
        foreach (var table in report.Tables)
        {
            WriteTable(workbook.Worksheets.Add(table.Name), table);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteSummary(IXLWorksheet sheet, ReportData report, IReadOnlyList<(string Name, byte[] Png)> charts)
    {
        sheet.Cell(1, 1).Value = string.Create(CultureInfo.InvariantCulture, $"{Capitalised(report.Period.KindName)} report {report.Period.Label}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        string[][] facts =
        [
            ["Period", string.Create(CultureInfo.InvariantCulture, $"{report.Period.Start:yyyy-MM-dd} to {report.Period.End.AddDays(-1):yyyy-MM-dd} ({report.TimeZone})")],
            ["Generated", string.Create(CultureInfo.InvariantCulture, $"{report.GeneratedAt:yyyy-MM-dd HH:mm} UTC by {report.GeneratedBy}")],
            ["Service level target", string.Create(CultureInfo.InvariantCulture, $"{report.ServiceLevelTarget.TotalSeconds:0.#} s (answered at exactly the target counts as within)")],
            ["Short abandon", string.Create(CultureInfo.InvariantCulture, $"abandoned after less than {report.ShortAbandonThreshold.TotalSeconds:0.#} s; counted apart")],
            ["Formula", ReportFigures.ServiceLevelFormula],
            ["Handle time", "AHT = average talk + average wrap-up, over answered calls; both parts are shown"],
            ["Calls counted", "on the local day each call started; callbacks we dialled are not offered again"],
        ];
        var row = 3;
        foreach (var fact in facts)
        {
            sheet.Cell(row, 1).Value = fact[0];
            sheet.Cell(row, 2).Value = fact[1];
            row++;
        }

        row++;
        sheet.Cell(row, 1).Value = "Figure";
        sheet.Cell(row, 2).Value = "Value";
        sheet.Range(row, 1, row, 2).Style.Font.Bold = true;
        foreach (var column in ReportColumn.Summary)
        {
            row++;
            sheet.Cell(row, 1).Value = column.Heading;
            SetNumber(sheet.Cell(row, 2), column.Value(report.Summary));
        }

        sheet.Column(1).Width = 26;
        sheet.Column(2).Width = 16;
        row += 2;
        foreach (var (name, png) in charts)
        {
            using var image = new MemoryStream(png);
            var picture = sheet.AddPicture(image, XLPictureFormat.Png, name);
            picture.MoveTo(sheet.Cell(row, 1));
            row += 22;
        }
    }

    private static void WriteTable(IXLWorksheet sheet, ReportTable table)
    {
        var columns = ReportColumn.For(table.Shape);
        sheet.Cell(1, 1).Value = table.KeyHeading;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 2).Value = columns[c].Heading;
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var keyCell = sheet.Cell(r + 2, 1);
            keyCell.SetValue(table.Rows[r].Key.Length == 0 ? "(none)" : table.Rows[r].Key);
            for (var c = 0; c < columns.Count; c++)
            {
                SetNumber(sheet.Cell(r + 2, c + 2), columns[c].Value(table.Rows[r].Figures));
            }
        }

        sheet.SheetView.FreezeRows(1);
        // Widths from the text rather than AdjustToContents, which measures every cell through GDI+ and costs most of a daily report.
        sheet.Column(1).Width = Math.Max(table.KeyHeading.Length, table.Rows.Select(r => r.Key.Length).DefaultIfEmpty(0).Max()) + 4;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Column(c + 2).Width = Math.Max(10, columns[c].Heading.Length + 2);
        }
    }

    private static void SetNumber(IXLCell cell, double? value)
    {
        if (value is { } number)
        {
            cell.SetValue(number);
        }
    }

    private static string Capitalised(string word) => string.Concat(word[..1].ToUpperInvariant(), word.AsSpan(1));
}
