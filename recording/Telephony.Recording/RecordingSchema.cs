using Telephony.Data.Migrations;

namespace Telephony.Recording;

/// <summary>The recording module's tables: recordings, access log, retention, scorecards, evaluations and assignments.</summary>
public static class RecordingSchema
{
    public const string Component = "recording";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.FromAssembly(Component, typeof(RecordingSchema).Assembly);
}
