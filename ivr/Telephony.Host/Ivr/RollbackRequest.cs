namespace Telephony.Host.Ivr;

/// <summary>Body of a rollback: the earlier version whose document becomes the new version in force.</summary>
internal sealed record RollbackRequest(int Version);
