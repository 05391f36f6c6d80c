using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

public sealed partial class MenuTreeValidator
{
    private static void CheckPrompts(NodeCheck check)
    {
        var node = check.Node;
        var prompt = node.Prompt;
        if (node.RequiresPrompt || prompt.Values.Any(p => !p.IsEmpty))
        {
            CheckPromptLanguages(check, "prompt", prompt);
        }

        foreach (var (name, extra) in node.ExtraPrompts())
        {
            CheckPromptLanguages(check, name, extra);
        }
    }

    private static void CheckPromptLanguages(NodeCheck check, string name, IReadOnlyDictionary<Language, PromptContent> prompt)
    {
        foreach (var language in check.Languages)
        {
            if (!prompt.TryGetValue(language, out var content) || content.IsEmpty)
            {
                check.Fault(FaultKind.MissingPrompt, $"'{name}' has no text or audio in {language.Code()}.", language);
            }
        }
    }

    private static void CheckNames(IReadOnlyDictionary<Language, string> name, string what, string scheduleId, IReadOnlyList<Language> languages, List<ValidationFault> faults)
    {
        foreach (var language in languages)
        {
            if (!name.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
            {
                faults.Add(new ValidationFault(FaultKind.MissingName, null, language, $"{what} has no name in {language.Code()}.") { ScheduleId = scheduleId });
            }
        }
    }
}
