using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Host.Tests.Calls;

/// <summary>A prompt plays as "node.slot.lang"; a spoken value as "say.lang.kind.value", so tests read what was heard.</summary>
public sealed class TestPromptLibrary : IPromptLibrary
{
    public IReadOnlyList<AudioSource> Prompt(PromptKey key, PromptContent content, Language language) =>
        [AudioSource.File($"{key.NodeId}.{key.Slot}.{language.Code()}")];

    public IReadOnlyList<AudioSource> Say(SpokenValue value, Language language) =>
        [AudioSource.File($"say.{language.Code()}.{value.As}.{value.Value}")];
}
