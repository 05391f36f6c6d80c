using Telephony.Data.Migrations;

namespace Telephony.Ivr.Store;

/// <summary>The IVR's tables: menu tree drafts and published versions, holiday calendars, prompt uploads and the rendered-prompt index.</summary>
public static class IvrStoreSchema
{
    public const string Component = "ivr";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.FromAssembly(Component, typeof(IvrStoreSchema).Assembly);
}
