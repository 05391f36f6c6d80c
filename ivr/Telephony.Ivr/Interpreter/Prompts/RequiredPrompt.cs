using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>One prompt of a tree version in one language, as the interpreter will ask <see cref="IPromptLibrary.Prompt"/> for it.</summary>
public sealed record RequiredPrompt(PromptKey Key, Language Language, PromptContent Content);
