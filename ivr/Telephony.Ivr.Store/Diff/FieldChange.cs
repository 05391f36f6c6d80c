namespace Telephony.Ivr.Store.Diff;

/// <summary>One field that differs, with its JSON before and after (null when absent on that side).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
