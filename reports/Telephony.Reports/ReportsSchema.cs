using Telephony.Data.Migrations;

namespace Telephony.Reports;

/// <summary>The reports' own tables: interval statistics, generated reports and their files, and Quartz's job store.</summary>
public static class ReportsSchema
{
    public const string Component = "reports";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.FromAssembly(Component, typeof(ReportsSchema).Assembly);
}
