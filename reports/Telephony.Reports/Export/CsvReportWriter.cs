using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using Telephony.Reports.Building;

namespace Telephony.Reports.Export;

/// <summary>
/// The report as a zip of CSV files (RFC 4180, UTF-8, invariant numbers): summary.csv, then one file per table
/// ("by-queue.csv"…), with the same columns as the workbook's sheets. A zip keeps one download per report while each
/// table stays a plain CSV a spreadsheet or a script opens directly.
/// </summary>
public static class CsvReportWriter
{
    public static byte[] Write(ReportData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "summary.csv", csv =>
            {
                csv.WriteField("Figure");
                csv.WriteField("Value");
                csv.EndRecord();
                csv.WriteField("Service level formula");
                csv.WriteField(ReportFigures.ServiceLevelFormula);
                csv.EndRecord();
                foreach (var column in ReportColumn.Summary)
                {
                    csv.WriteField(column.Heading);
                    csv.WriteField(Format(column.Value(report.Summary)));
                    csv.EndRecord();
                }
            });
            foreach (var table in report.Tables)
            {
                WriteEntry(zip, FileNameOf(table), csv => WriteTable(csv, table));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>"By queue" → "by-queue.csv".</summary>
    public static string FileNameOf(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Name.ToLowerInvariant().Replace(' ', '-') + ".csv";
    }

    private static void WriteTable(CsvWriter csv, ReportTable table)
    {
        var columns = ReportColumn.For(table.Shape);
        csv.WriteField(table.KeyHeading);
        foreach (var column in columns)
        {
            csv.WriteField(column.Heading);
        }

        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            csv.WriteField(row.Key);
            foreach (var column in columns)
            {
                csv.WriteField(Format(column.Value(row.Figures)));
            }

            csv.EndRecord();
        }
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<CsvWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        write(csv);
    }

    private static string Format(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
