using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telephony.Recording.Scoring;

/// <summary>The JSON shape of scorecard definitions and answers in the database (camelCase, enums as names).</summary>
internal static class ScorecardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("Empty scorecard JSON.");
}
