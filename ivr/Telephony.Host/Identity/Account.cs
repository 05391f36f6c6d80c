namespace Telephony.Host.Identity;

/// <summary>A person who signs in: staff or an agent (who also has an extension).</summary>
public sealed record Account(long Id, string Username, string Role, string DisplayName, string PasswordHash, string? Extension, bool Disabled);
