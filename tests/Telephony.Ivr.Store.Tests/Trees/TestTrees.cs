using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Tests.Trees;

/// <summary>Trees for the store tests, made from the demo hotline under ids of their own.</summary>
internal static class TestTrees
{
    public static MenuTree Demo(string id) => DemoHotline.LoadTree(alwaysOpen: true) with { Id = id };

    /// <summary>The demo tree with one more topic option: key 5 plays a message and returns to the topics menu.</summary>
    public static MenuTree WithInfoOption(MenuTree tree, string text = "Info")
    {
        var topics = (MenuNode)tree.Nodes["topics"];
        var nodes = new Dictionary<string, IvrNode>(tree.Nodes)
        {
            ["topics"] = topics with { Options = new Dictionary<string, string>(topics.Options) { ["5"] = "info" } },
            ["info"] = new PlayMessageNode
            {
                Next = "topics",
                Prompt = new Dictionary<Language, PromptContent>
                {
                    [Language.Az] = new() { Text = text + " az" },
                    [Language.Ru] = new() { Text = text + " ru" },
                    [Language.En] = new() { Text = text + " en" },
                },
            },
        };
        return tree with { Nodes = nodes };
    }

    /// <summary>A tree whose greeting has no Russian prompt and whose language node leads nowhere.</summary>
    public static MenuTree Broken(MenuTree tree)
    {
        var greeting = (PlayMessageNode)tree.Nodes["greeting"];
        var nodes = new Dictionary<string, IvrNode>(tree.Nodes)
        {
            ["greeting"] = greeting with { Prompt = greeting.Prompt.Where(p => p.Key != Language.Ru).ToDictionary() , Next = "nowhere" },
        };
        return tree with { Nodes = nodes };
    }
}
