namespace Telephony.Ivr.Model;

/// <summary>A language the hotline speaks; written in JSON as its ISO 639-1 code ("az", "ru", "en").</summary>
public enum Language
{
    Az,
    Ru,
    En,
}
