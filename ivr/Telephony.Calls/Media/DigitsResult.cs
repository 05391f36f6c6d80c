namespace Telephony.Calls.Media;

public sealed record DigitsResult(string Digits, DigitsEnd End);
