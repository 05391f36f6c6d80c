using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>Small trees built in code, one concern each; prompts say the node's name in every language.</summary>
public static class TestTrees
{
    public static IReadOnlyDictionary<Language, PromptContent> Said(string text) => new Dictionary<Language, PromptContent>
    {
        [Language.Az] = new() { Text = text + " (az)" },
        [Language.Ru] = new() { Text = text + " (ru)" },
        [Language.En] = new() { Text = text + " (en)" },
    };

    public static MenuTree Tree(string start, IReadOnlyDictionary<string, IvrNode> nodes, int version = 1) => new()
    {
        Id = "test",
        Version = version,
        Languages = [Language.Az, Language.Ru, Language.En],
        DefaultLanguage = Language.Az,
        Start = start,
        Nodes = nodes,
    };

    public static HangupNode Goodbye() => new() { Prompt = Said("goodbye") };

    /// <summary>main: 1 → sub (a menu whose 1 → a, without a back target), 2 → a, 0 → operator, # → back; retries 2.</summary>
    public static MenuTree Menus(string? onRetriesExhausted = "exhausted", string? backTarget = "back") => Tree("main", new Dictionary<string, IvrNode>
    {
        ["main"] = new MenuNode
        {
            Prompt = Said("main menu"),
            InvalidPrompt = Said("invalid"),
            TimeoutPrompt = Said("timeout"),
            Retries = 2,
            OnRetriesExhausted = onRetriesExhausted,
            Options = new Dictionary<string, string> { ["1"] = "sub", ["2"] = "a" },
            OperatorTarget = "operator",
            BackTarget = backTarget,
        },
        ["sub"] = new MenuNode { Prompt = Said("sub menu"), Options = new Dictionary<string, string> { ["1"] = "a" } },
        ["a"] = Goodbye(),
        ["operator"] = Goodbye(),
        ["back"] = Goodbye(),
        ["exhausted"] = Goodbye(),
    });
}
