namespace Telephony.Ivr.Model;

/// <summary>How a say node speaks its value.</summary>
public enum SayAs
{
    /// <summary>A whole number ("twenty-three").</summary>
    Number,

    /// <summary>A count of minutes with the noun in the right form ("три минуты").</summary>
    Minutes,

    /// <summary>A calendar date, ISO yyyy-MM-dd.</summary>
    Date,

    /// <summary>A time of day, HH:mm.</summary>
    Time,

    /// <summary>Digit by digit ("one two three").</summary>
    Digits,
}
