namespace Telephony.Ivr.Schema;

/// <summary>The published JSON Schema of the menu-tree document, for editors, the admin pages and API clients.</summary>
public static class MenuTreeSchema
{
    public const string ResourceName = "Telephony.Ivr.Schema.menu-tree.schema.json";

    /// <summary>Opens the embedded schema (UTF-8 JSON); the caller disposes the stream.</summary>
    public static Stream Open() => typeof(MenuTreeSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");

    public static string ReadText()
    {
        using var reader = new StreamReader(Open());
        return reader.ReadToEnd();
    }
}
