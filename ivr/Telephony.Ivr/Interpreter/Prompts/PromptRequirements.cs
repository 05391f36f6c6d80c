using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter.Prompts;

/// <summary>
/// Everything a tree version can make a call say, so it can all be rendered at publish: the node prompts in every
/// language, and the word fragments spoken values are composed of.
/// </summary>
public static class PromptRequirements
{
    /// <summary>Largest count of minutes announced as a whole (estimated waits, durations).</summary>
    public const int MaxMinutes = 180;

    private static readonly PromptSlot[] _slots = Enum.GetValues<PromptSlot>();

    /// <summary>The localized field of <paramref name="node"/> that a slot names; null when the node has none.</summary>
    public static IReadOnlyDictionary<Language, PromptContent>? Localized(IvrNode node, PromptSlot slot)
    {
        ArgumentNullException.ThrowIfNull(node);
        return slot switch
        {
            PromptSlot.Main => node.Prompt,
            PromptSlot.Invalid => node.InvalidPrompt,
            PromptSlot.Timeout => node.TimeoutPrompt,
            PromptSlot.ConfirmationPrompt => (node as CollectDigitsNode)?.Confirmation?.Prompt,
            PromptSlot.ConfirmationInstructions => (node as CollectDigitsNode)?.Confirmation?.Instructions,
            PromptSlot.OtherNumber => (node as CallbackRequestNode)?.OtherNumberPrompt,
            _ => null,
        };
    }

    /// <summary>Every non-empty prompt of every node in every language of the tree.</summary>
    public static IEnumerable<RequiredPrompt> Prompts(MenuTree tree, int treeVersion)
    {
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var (nodeId, node) in tree.Nodes)
        {
            foreach (var slot in _slots)
            {
                if (Localized(node, slot) is not { } localized)
                {
                    continue;
                }

                foreach (var language in tree.Languages)
                {
                    if (localized.TryGetValue(language, out var content) && !content.IsEmpty)
                    {
                        yield return new RequiredPrompt(new PromptKey(tree.Id, treeVersion, nodeId, slot), language, content);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The distinct words <see cref="SpokenValue.Words"/> can produce in <paramref name="language"/> for numbers up to
    /// 999,999,999 (every gender), minutes up to <see cref="MaxMinutes"/>, every day of the year, every minute of the day
    /// and every key — a closed vocabulary that is rendered once per language and voice.
    /// </summary>
    public static IReadOnlySet<string> Fragments(Language language)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var genders = Enum.GetValues<Gender>();
        for (var n = 0; n < 1000; n++)
        {
            foreach (var gender in genders)
            {
                Add(words, Wording.Wording.Number(n, language, gender));
                Add(words, Wording.Wording.Number(n * 1000L, language, gender));
                Add(words, Wording.Wording.Number(n * 1_000_000L, language, gender));
            }
        }

        for (var m = 0; m <= MaxMinutes; m++)
        {
            Add(words, Wording.Wording.Minutes(m, language));
        }

        for (var day = new DateOnly(2024, 1, 1); day.Year == 2024; day = day.AddDays(1))
        {
            Add(words, Wording.Wording.Date(day, language));
        }

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            Add(words, Wording.Wording.Time(new TimeOnly(minute / 60, minute % 60), language));
        }

        Add(words, Wording.Wording.Digits("0123456789*#+", language));
        return words;
    }

    /// <summary>Every distinct text to synthesise for a tree version: prompt texts without a recording, and the fragments of its languages.</summary>
    public static IReadOnlySet<(Language Language, string Text)> Texts(MenuTree tree, int treeVersion)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var texts = new HashSet<(Language, string)>();
        foreach (var prompt in Prompts(tree, treeVersion))
        {
            if (string.IsNullOrWhiteSpace(prompt.Content.Audio) && prompt.Content.Text is { } text)
            {
                texts.Add((prompt.Language, text));
            }
        }

        foreach (var language in tree.Languages)
        {
            foreach (var word in Fragments(language))
            {
                texts.Add((language, word));
            }
        }

        return texts;
    }

    /// <summary>Splits spoken words into fragments the same way <see cref="Fragments"/> lists them.</summary>
    public static string[] SplitWords(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static void Add(SortedSet<string> words, string phrase)
    {
        foreach (var word in SplitWords(phrase))
        {
            words.Add(word);
        }
    }
}
