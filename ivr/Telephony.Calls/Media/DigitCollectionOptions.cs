namespace Telephony.Calls.Media;

/// <summary>
/// What to collect: up to <see cref="MaxDigits"/> digits, ending early on <see cref="Terminator"/> (not included in the result),
/// with a timeout for the first digit and another between digits. A prompt, when given, is played with barge-in first:
/// a key pressed during it is the first digit.
/// </summary>
public sealed record DigitCollectionOptions(int MaxDigits, TimeSpan FirstDigitTimeout, TimeSpan InterDigitTimeout)
{
    public char? Terminator { get; init; }

    public IReadOnlyList<AudioSource> Prompt { get; init; } = [];

    /// <summary>A digit that arrived before collection started (the one that interrupted a playback).</summary>
    public char? AlreadyPressed { get; init; }
}
