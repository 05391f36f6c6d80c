namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>Which of a node's prompts is meant; each maps to one localized field of the node.</summary>
public enum PromptSlot
{
    /// <summary><c>prompt</c>: what the node says first.</summary>
    Main,

    /// <summary><c>invalidPrompt</c>: said after a key the node does not accept.</summary>
    Invalid,

    /// <summary><c>timeoutPrompt</c>: said after silence.</summary>
    Timeout,

    /// <summary><c>confirmation.prompt</c> of a collect-digits node ("You entered").</summary>
    ConfirmationPrompt,

    /// <summary><c>confirmation.instructions</c> ("press 1 to confirm, 2 to re-enter").</summary>
    ConfirmationInstructions,

    /// <summary><c>otherNumberPrompt</c> of a callback request.</summary>
    OtherNumber,
}
