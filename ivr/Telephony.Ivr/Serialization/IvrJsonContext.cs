using System.Text.Json;
using System.Text.Json.Serialization;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Serialization;

/// <summary>
/// Source-generated JSON metadata for the IVR documents. Names are camelCase, enums are camelCase strings,
/// unknown properties are rejected (a typo in an admin edit must not silently drop a setting), null values are omitted.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowOutOfOrderMetadataProperties = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true,
    Converters = [
        typeof(CamelCaseEnumConverter<Language>),
        typeof(CamelCaseEnumConverter<Gender>),
        typeof(CamelCaseEnumConverter<SayAs>),
        typeof(CamelCaseEnumConverter<DayOfWeek>)])]
[JsonSerializable(typeof(MenuTree))]
[JsonSerializable(typeof(HolidayCalendar))]
[JsonSerializable(typeof(HoursSchedule))]
internal sealed partial class IvrJsonContext : JsonSerializerContext;
