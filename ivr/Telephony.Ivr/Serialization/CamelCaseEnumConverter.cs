using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telephony.Ivr.Serialization;

/// <summary>Writes and reads an enum as its camelCase name ("az", "monday", "feminine"), also as a dictionary key.</summary>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
