namespace Telephony.Ivr.Hours;

/// <summary>What a schedule says about one instant.</summary>
public enum HoursState
{
    Open,
    Closed,
    Holiday,
}
