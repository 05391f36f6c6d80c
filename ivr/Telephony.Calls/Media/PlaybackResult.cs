namespace Telephony.Calls.Media;

/// <summary>How a playback ended; <see cref="Digit"/> is the key that interrupted it (barge-in), which digit collection then counts.</summary>
public sealed record PlaybackResult(PlaybackOutcome Outcome, char? Digit = null);
