namespace Telephony.Ivr.Model;

/// <summary>The two-letter codes used in JSON, skill names ("lang:az") and prompt paths.</summary>
public static class LanguageCodes
{
    public static string Code(this Language language) => language switch
    {
        Language.Az => "az",
        Language.Ru => "ru",
        Language.En => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };
}
