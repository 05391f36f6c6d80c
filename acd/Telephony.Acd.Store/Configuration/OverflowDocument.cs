namespace Telephony.Acd.Store.Configuration;

/// <summary>Kind is "queue", "voicemail" or "callback"; QueueId only for "queue".</summary>
internal sealed record OverflowDocument(string Kind, string? QueueId);
