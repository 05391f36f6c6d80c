namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>Names one prompt of one published tree version: a call keeps its version, so its prompts never change under it.</summary>
public readonly record struct PromptKey(string TreeId, int TreeVersion, string NodeId, PromptSlot Slot);
