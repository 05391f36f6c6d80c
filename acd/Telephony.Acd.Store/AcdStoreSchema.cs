using Telephony.Data.Migrations;

namespace Telephony.Acd.Store;

/// <summary>The ACD's tables: agents, skills, queues, reservations, queue events and call records.</summary>
public static class AcdStoreSchema
{
    public const string Component = "acd";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.FromAssembly(Component, typeof(AcdStoreSchema).Assembly);
}
