using System.Text.Json.Serialization;

namespace Telephony.Data.Tests.Spooling;

[JsonSerializable(typeof(TestRow))]
internal sealed partial class TestRowJsonContext : JsonSerializerContext;
