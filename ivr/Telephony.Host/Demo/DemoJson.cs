using System.Text.Json;

namespace Telephony.Host.Demo;

internal static class DemoJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
