namespace Telephony.Calls.Media;

/// <summary>Limits of a caller recording: at most <see cref="MaxDuration"/>; <see cref="StopDigit"/> ends it early; a beep first if asked.</summary>
public sealed record RecordOptions(TimeSpan MaxDuration, char? StopDigit = '#', bool BeepFirst = true);
