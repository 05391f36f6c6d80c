namespace Telephony.Acd.Store.Configuration;

internal sealed record SkillRequirementDocument(string Skill, int MinimumProficiency);
