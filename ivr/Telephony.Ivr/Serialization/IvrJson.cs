using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Serialization;

/// <summary>Reads and writes the IVR documents (menu trees, holiday calendars) with the source-generated context.</summary>
public static class IvrJson
{
    public static MenuTree ReadMenuTree(string json) => Read(json, IvrJsonContext.Default.MenuTree);

    public static MenuTree ReadMenuTree(Stream utf8Json) => Read(utf8Json, IvrJsonContext.Default.MenuTree);

    public static string Write(MenuTree tree) => JsonSerializer.Serialize(tree, IvrJsonContext.Default.MenuTree);

    public static HolidayCalendar ReadHolidayCalendar(string json) => Read(json, IvrJsonContext.Default.HolidayCalendar);

    public static HolidayCalendar ReadHolidayCalendar(Stream utf8Json) => Read(utf8Json, IvrJsonContext.Default.HolidayCalendar);

    public static string Write(HolidayCalendar calendar) => JsonSerializer.Serialize(calendar, IvrJsonContext.Default.HolidayCalendar);

    /// <summary>The JSON contract of a model type, e.g. to list the property names the admin pages may send.</summary>
    public static JsonTypeInfo TypeInfo(Type type) => IvrJsonContext.Default.GetTypeInfo(type)
        ?? throw new ArgumentException($"{type} is not part of the IVR documents.", nameof(type));

    private static T Read<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new IvrDocumentException("The document is null.");
        }
        catch (JsonException ex)
        {
            throw new IvrDocumentException(Describe(ex), ex);
        }
    }

    private static T Read<T>(Stream utf8Json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) ?? throw new IvrDocumentException("The document is null.");
        }
        catch (JsonException ex)
        {
            throw new IvrDocumentException(Describe(ex), ex);
        }
    }

    private static string Describe(JsonException ex) =>
        ex.Path is null ? ex.Message : $"At {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}";
}
