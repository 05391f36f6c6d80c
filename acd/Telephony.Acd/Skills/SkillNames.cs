namespace Telephony.Acd.Skills;

/// <summary>
/// Naming convention for skills: languages are "lang:&lt;code&gt;" and topics "topic:&lt;name&gt;".
/// Relaxation keeps language skills when it drops topic skills, so the prefix carries meaning.
/// </summary>
public static class SkillNames
{
    public const string LanguagePrefix = "lang:";
    public const string TopicPrefix = "topic:";

    public static string Language(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return LanguagePrefix + code;
    }

    public static string Topic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return TopicPrefix + name;
    }

    public static bool IsLanguage(string skill) =>
        skill is not null && skill.StartsWith(LanguagePrefix, StringComparison.Ordinal);

    /// <summary>The language code of a language skill ("lang:ru" → "ru"), or null for other skills.</summary>
    public static string? LanguageCode(string skill) =>
        IsLanguage(skill) ? skill[LanguagePrefix.Length..] : null;
}
