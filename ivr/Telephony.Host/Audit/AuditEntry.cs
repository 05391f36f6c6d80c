namespace Telephony.Host.Audit;

public sealed record AuditEntry(long Id, DateTime At, string Actor, string Action, string? Subject, string? Detail, string? SourceIp);
