using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telephony.Acd.Store;
using Telephony.Data.Migrations;
using Telephony.Reports;
using Telephony.Reports.Building;
using Telephony.Reports.Diagnostics;
using Telephony.Reports.Generator;
using Telephony.Reports.Periods;
using Telephony.Reports.Statistics;
using Telephony.Reports.Storage;
using Telephony.TestKit.Postgres;

// Generates a synthetic year of calls, builds the interval statistics, then times the reports (medians of N runs).
//   dotnet run -c Release --project tests/Telephony.Reports.Generator -- --calls 10000000 --year 2025 --runs 5 [--db CONNSTRING] [--reuse]
var arguments = Arguments.Parse(args);
var timeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");
var connectionString = arguments.Database ?? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reports_benchmark");
await using var dataSource = NpgsqlDataSource.Create(connectionString);
await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance)
    .ApplyAsync([.. AcdStoreSchema.Migrations, .. ReportsSchema.Migrations], CancellationToken.None);

var options = new ReportsOptions();
var clock = TimeProvider.System;
var statistics = new IntervalStatisticsBuilder(dataSource, options, clock);
var query = new ReportQuery(dataSource, options, clock);
var generator = new ReportGenerator(query, statistics, new ReportStore(dataSource), options, new ReportsMetrics(), NullLogger<ReportGenerator>.Instance);
var year = new ReportPeriod(ReportKind.Yearly, new DateOnly(arguments.Year, 1, 1), new DateOnly(arguments.Year + 1, 1, 1));

if (!arguments.Reuse)
{
    await CallRecordLoader.ResetAsync(dataSource, CancellationToken.None);
    var load = Stopwatch.StartNew();
    var rows = await CallRecordLoader.LoadCallsAsync(dataSource, new SyntheticHistory(arguments.Year, arguments.Calls, 1, timeZone).Calls(), CancellationToken.None);
    await CallRecordLoader.LoadAgentsAsync(dataSource, arguments.Year, timeZone, CancellationToken.None);
    Report($"generated and loaded {rows:N0} calls (binary COPY)", load.Elapsed, $"{rows / load.Elapsed.TotalSeconds:N0} rows/s");
    await ExecuteAsync("VACUUM ANALYZE call_records");

    var build = Stopwatch.StartNew();
    for (var month = year.Start; month < year.End; month = month.AddMonths(1))
    {
        var (from, to) = ReportPeriod.For(ReportKind.Monthly, month).ToUtc(timeZone);
        await statistics.RebuildAsync(from, to, CancellationToken.None);
    }

    Report("built report_interval_stats for the year (12 monthly rebuilds)", build.Elapsed,
        $"{await ScalarAsync("SELECT count(*) FROM report_interval_stats"):N0} rows");
    await ExecuteAsync("VACUUM ANALYZE report_interval_stats");
}

// The busiest weekday in the middle of the year.
var day = ReportPeriod.For(ReportKind.Daily, NextWeekday(new DateOnly(arguments.Year, 6, 15)));
var (dayFrom, _) = day.ToUtc(timeZone);
Console.WriteLine($"call_records: {await ScalarAsync("SELECT count(*) FROM call_records"):N0}; the day {day.Label}: " +
    $"{await ScalarAsync($"SELECT count(*) FROM call_records WHERE started_at >= '{dayFrom:O}' AND started_at < '{dayFrom.AddDays(1):O}'"):N0} calls");
Console.WriteLine($"medians of {arguments.Runs} runs (after one warm-up):");
await TimeAsync("incremental: rebuild one 15-minute bucket", () => statistics.RebuildBucketAsync(dayFrom.AddHours(7), CancellationToken.None));
await TimeAsync($"daily {day.Label}, rebuilding the day's buckets first (the scheduled path)", () => generator.GenerateAsync(day, "benchmark", true, CancellationToken.None));
await TimeAsync($"daily {day.Label} report (query + XLSX + CSV + PNG + store)", () => generator.GenerateAsync(day, "benchmark", false, CancellationToken.None));
var month1 = ReportPeriod.For(ReportKind.Monthly, day.Start);
await TimeAsync($"monthly {month1.Label} report", () => generator.GenerateAsync(month1, "benchmark", false, CancellationToken.None));
var quarter = ReportPeriod.For(ReportKind.Quarterly, day.Start);
await TimeAsync($"quarterly {quarter.Label} report", () => generator.GenerateAsync(quarter, "benchmark", false, CancellationToken.None));
await TimeAsync($"yearly {year.Label} report", () => generator.GenerateAsync(year, "benchmark", false, CancellationToken.None));
var dayData = await query.ReadAsync(day, "benchmark", CancellationToken.None);
await TimeAsync($"daily {day.Label} query alone", () => query.ReadAsync(day, "benchmark", CancellationToken.None));
await TimeAsync($"daily {day.Label} rendering alone (XLSX + CSV + 2 PNG)", () => Task.FromResult(ReportGenerator.Render(dayData)));
await TimeAsync($"yearly {year.Label} query alone", () => query.ReadAsync(year, "benchmark", CancellationToken.None));
return 0;

async Task TimeAsync(string what, Func<Task> action)
{
    await action();
    var times = new List<double>();
    for (var i = 0; i < arguments.Runs; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what}: median {times[times.Count / 2]:N0} ms (min {times[0]:N0}, max {times[^1]:N0})"));
}

async Task ExecuteAsync(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    command.CommandTimeout = 0;
    await command.ExecuteNonQueryAsync();
}

async Task<long> ScalarAsync(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    command.CommandTimeout = 0;
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static void Report(string what, TimeSpan elapsed, string detail) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalSeconds:N1} s ({detail})"));

static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
{
    DayOfWeek.Saturday => day.AddDays(2),
    DayOfWeek.Sunday => day.AddDays(1),
    _ => day,
};
