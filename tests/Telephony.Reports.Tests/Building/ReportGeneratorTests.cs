using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Reports.Building;
using Telephony.Reports.Diagnostics;
using Telephony.Reports.Periods;
using Telephony.Reports.Statistics;
using Telephony.Reports.Storage;
using Telephony.Reports.Tests.Fixtures;

namespace Telephony.Reports.Tests.Building;

public sealed class ReportGeneratorTests
{
    private static readonly ReportsOptions Options = new()
    {
        ServiceLevelTarget = DayFixture.Target,
        ShortAbandonThreshold = DayFixture.ShortAbandon,
    };

    [Fact]
    public async Task Generate_daily_workbook_holds_the_fixture_answers()
    {
        await using var database = await SeededAsync();
        var report = await Generator(database).GenerateAsync(ReportPeriod.Parse("daily", "2026-11-23"), "alice", rebuildStatistics: true, CancellationToken.None);

        var stored = await new ReportStore(database.DataSource).GetFileAsync(report.Id, "daily-2026-11-23.xlsx", CancellationToken.None);
        Assert.NotNull(stored);
        using var workbook = new XLWorkbook(new MemoryStream(stored.Content.ToArray()));
        var summary = workbook.Worksheet("Summary");
        var expected = ExpectedFigures.Of(DayFixture.OnDay, DayFixture.Target, DayFixture.ShortAbandon);

        Assert.Equal(expected.Offered, SummaryValue(summary, "Offered"));
        Assert.Equal(expected.Answered, SummaryValue(summary, "Answered"));
        Assert.Equal(expected.ShortAbandoned, SummaryValue(summary, "Short abandons"));
        Assert.Equal(40.0, SummaryValue(summary, "Service level %"));
        Assert.Equal(17.0, SummaryValue(summary, "ASA s"));
        Assert.Equal(380.0, SummaryValue(summary, "AHT s"));
        Assert.Equal(50.0, SummaryValue(summary, "Longest wait s"));
        Assert.Equal(1.0, SummaryValue(summary, "Callbacks requested"));
        Assert.Contains(summary.CellsUsed(), c => c.GetString() == ReportFigures.ServiceLevelFormula);
        Assert.Equal(2, summary.Pictures.Count);

        var byQueue = workbook.Worksheet("By queue");
        var transfers = ExpectedFigures.Of(DayFixture.OnDay.Where(c => c.Queue == "transfers"), DayFixture.Target, DayFixture.ShortAbandon);
        Assert.Equal(2.0 / 3 * 100, transfers.ServiceLevelPercent!.Value, 9); // 2 within target / (4 offered − 1 short abandon)
        var row = byQueue.RowsUsed().Single(r => r.Cell(1).GetString() == "transfers");
        Assert.Equal(transfers.Offered, row.Cell(Column(byQueue, "Offered")).GetDouble());
        Assert.Equal(66.7, row.Cell(Column(byQueue, "Service level %")).GetDouble());
        var drops = workbook.Worksheet("IVR drop-off").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["language-menu"] = 1, ["topic-menu"] = 1 }, drops);
    }

    [Fact]
    public async Task Generate_daily_csv_zip_has_one_file_per_table_with_the_same_figures()
    {
        await using var database = await SeededAsync();
        var report = await Generator(database).GenerateAsync(ReportPeriod.Parse("daily", "2026-11-23"), "alice", rebuildStatistics: true, CancellationToken.None);

        var zipFile = report.Files.Single(f => f.Name == "daily-2026-11-23-csv.zip");
        using var zip = new ZipArchive(new MemoryStream(zipFile.Content.ToArray()));
        Assert.Equal(
            ["by-agent.csv", "by-hour.csv", "by-language.csv", "by-queue.csv", "by-topic.csv", "ivr-drop-off.csv", "summary.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var summary = Read(zip, "summary.csv");
        Assert.Contains("Service level %,40", summary, StringComparison.Ordinal);
        Assert.Contains("Offered,6", summary, StringComparison.Ordinal);
        Assert.All(report.Files.Where(f => f.ContentType == ReportFile.Png), f => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, f.Content[..4].ToArray()));
    }

    [Fact]
    public async Task Generate_same_period_twice_replaces_the_stored_report()
    {
        await using var database = await SeededAsync();
        var generator = Generator(database);
        var period = ReportPeriod.Parse("monthly", "2026-11");
        await generator.GenerateAsync(period, "alice", rebuildStatistics: false, CancellationToken.None);
        var second = await generator.GenerateAsync(period, "bob", rebuildStatistics: false, CancellationToken.None);

        var listed = Assert.Single(await new ReportStore(database.DataSource).ListAsync(CancellationToken.None));
        Assert.Equal(second.Id, listed.Id);
        Assert.Equal("bob", listed.GeneratedBy);
        Assert.Equal("2026-11", listed.Label);
        Assert.Contains("monthly-2026-11.xlsx", listed.Files);
        Assert.Equal(7, second.Data.Summary.Offered); // the November month also holds the next day's call
        Assert.Equal(["2026-11-23", "2026-11-24"], second.Data.Tables[0].Rows.Select(r => r.Key));
    }

    private static double SummaryValue(IXLWorksheet sheet, string figure) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == figure).Cell(2).GetDouble();

    private static int Column(IXLWorksheet sheet, string heading) =>
        sheet.Row(1).CellsUsed().Single(c => c.GetString() == heading).Address.ColumnNumber;

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static ReportGenerator Generator(ReportsDatabase database)
    {
        var clock = new FakeTimeProvider(DayFixture.At(0, 30, dayOffset: 1));
        return new ReportGenerator(
            new ReportQuery(database.DataSource, Options, clock),
            new IntervalStatisticsBuilder(database.DataSource, Options, clock),
            new ReportStore(database.DataSource),
            Options,
            new ReportsMetrics(),
            NullLogger<ReportGenerator>.Instance);
    }

    private static async Task<ReportsDatabase> SeededAsync()
    {
        var database = await ReportsDatabase.CreateAsync(nameof(ReportGeneratorTests));
        await FixtureDatabase.InsertAgentsAsync(database.DataSource, "1001", "1002");
        await FixtureDatabase.InsertCallsAsync(database.DataSource, DayFixture.Calls);
        var (from, to) = ReportPeriod.Parse("monthly", "2026-11").ToUtc(DayFixture.Baku);
        await new IntervalStatisticsBuilder(database.DataSource, Options, new FakeTimeProvider(DayFixture.At(0, 30, dayOffset: 2)))
            .RebuildAsync(from, to, CancellationToken.None);
        return database;
    }
}
