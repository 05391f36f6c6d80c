namespace Telephony.Acd.Queues;

/// <summary>
/// After a caller has waited <see cref="After"/>, requirements are capped at <see cref="MaximumRequiredProficiency"/>
/// (when set) and, with <see cref="LanguageOnly"/>, topic skills are dropped so any agent speaking the language qualifies.
/// Steps only ever loosen: caps do not rise and LanguageOnly, once on, stays on.
/// </summary>
public sealed record SkillRelaxationStep(TimeSpan After, int? MaximumRequiredProficiency = null, bool LanguageOnly = false);
