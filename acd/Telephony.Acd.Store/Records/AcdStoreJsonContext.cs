using System.Text.Json.Serialization;
using Telephony.Acd.Store.Callbacks;
using Telephony.Acd.Store.Status;

namespace Telephony.Acd.Store.Records;

/// <summary>How the store's rows are kept in spool files while the database is away.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(QueueEvent))]
[JsonSerializable(typeof(AgentStatusEntry))]
[JsonSerializable(typeof(CallbackChange))]
[JsonSerializable(typeof(AgentCurrentStatus))]
internal sealed partial class AcdStoreJsonContext : JsonSerializerContext;
