using System.Text.Json.Serialization;

namespace Telephony.Acd.Store.Configuration;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(QueueDefinitionDocument))]
internal sealed partial class QueueDefinitionJsonContext : JsonSerializerContext;
