namespace Telephony.Ivr.Model;

/// <summary>
/// Read-back step after digits were collected: the prompt is played ("You entered"), then the digits one by one,
/// then the caller presses <see cref="ConfirmKey"/> to accept or <see cref="RetryKey"/> to enter them again.
/// </summary>
public sealed record DigitConfirmation
{
    public required IReadOnlyDictionary<Language, PromptContent> Prompt { get; init; }

    /// <summary>Said after the digits: "press 1 to confirm, 2 to re-enter".</summary>
    public required IReadOnlyDictionary<Language, PromptContent> Instructions { get; init; }

    public string ConfirmKey { get; set; } = "1";

    public string RetryKey { get; set; } = "2";
}
