using Telephony.Calls.Media;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>
/// Turns prompts and spoken values into audio the call can play. Implementations serve files rendered ahead of calls
/// (at publish, from <see cref="PromptRequirements"/>): the interpreter never waits for speech synthesis.
/// </summary>
public interface IPromptLibrary
{
    /// <summary>
    /// The audio of one prompt: the uploaded recording when <paramref name="content"/> has one, else the rendering of its text.
    /// Empty when there is nothing to play.
    /// </summary>
    IReadOnlyList<AudioSource> Prompt(PromptKey key, PromptContent content, Language language);

    /// <summary>A number, minutes, date, time or digit string in <paramref name="language"/>, usually composed of word fragments.</summary>
    IReadOnlyList<AudioSource> Say(SpokenValue value, Language language);
}
