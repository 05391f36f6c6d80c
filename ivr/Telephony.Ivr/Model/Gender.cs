namespace Telephony.Ivr.Model;

/// <summary>Grammatical gender of the counted noun; Russian needs it for 1 and 2 ("один/одна/одно", "два/две").</summary>
public enum Gender
{
    Masculine,
    Feminine,
    Neuter,
}
