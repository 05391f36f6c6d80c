using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>
/// Prompt library for tests: a prompt plays as "node.slot.lang@vN" and a spoken value as one "say.lang.word" per
/// word, so tests read what the caller heard from the played names.
/// </summary>
public sealed class InMemoryPromptLibrary : IPromptLibrary
{
    public static string Name(string nodeId, PromptSlot slot, Language language, int version = 1) =>
        $"{nodeId}.{slot}.{language.Code()}@v{version}";

    public static string Word(Language language, string word) => $"say.{language.Code()}.{word}";

    public IReadOnlyList<AudioSource> Prompt(PromptKey key, PromptContent content, Language language) =>
        [AudioSource.File(Name(key.NodeId, key.Slot, language, key.TreeVersion))];

    public IReadOnlyList<AudioSource> Say(SpokenValue value, Language language) =>
        [.. PromptRequirements.SplitWords(value.Words(language)).Select(word => AudioSource.File(Word(language, word)))];
}
