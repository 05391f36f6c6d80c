namespace Telephony.Acd.Routing;

/// <summary>A requirement with its skill name replaced by the catalog id.</summary>
internal readonly record struct ResolvedRequirement(int SkillId, int Minimum, bool IsLanguage);
