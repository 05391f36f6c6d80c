namespace Telephony.Acd.Skills;

/// <summary>Proficiency scale shared by agent skills and requirements.</summary>
public static class Proficiency
{
    public const int Min = 1;
    public const int Max = 10;

    internal static void Validate(int value, string parameterName)
    {
        if (value is < Min or > Max)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Proficiency must be between {Min} and {Max}.");
        }
    }
}
