using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;
using Telephony.Ivr.Store.Diff;
using Telephony.Ivr.Store.Tests.Trees;

namespace Telephony.Ivr.Store.Tests.Diff;

public sealed class MenuTreeDifferTests
{
    [Fact]
    public void Compare_same_tree_is_empty_even_across_versions()
    {
        var tree = DemoHotline.LoadTree();

        var diff = MenuTreeDiffer.Compare(tree, tree with { Version = 5 });

        Assert.True(diff.IsEmpty);
        Assert.Equal(5, diff.ToVersion);
    }

    [Fact]
    public void Compare_reports_removed_nodes_changed_fields_with_values_and_changed_settings()
    {
        var before = TestTrees.WithInfoOption(DemoHotline.LoadTree());
        var greeting = (PlayMessageNode)before.Nodes["greeting"];
        var nodes = new Dictionary<string, IvrNode>(DemoHotline.LoadTree().Nodes)
        {
            ["greeting"] = greeting with { Title = "Welcome", TimeoutSeconds = 9 },
        };
        var after = before with { Nodes = nodes, DefaultLanguage = Language.Ru };

        var diff = MenuTreeDiffer.Compare(before, after);

        Assert.Equal(["info"], diff.RemovedNodes);
        Assert.Empty(diff.AddedNodes);
        var changedGreeting = diff.ChangedNodes.Single(n => n.NodeId == "greeting");
        Assert.Equal(["timeoutSeconds", "title"], changedGreeting.Fields.Select(f => f.Field));
        Assert.Equal(new FieldChange("title", "\"Greeting\"", "\"Welcome\""), changedGreeting.Fields[1]);
        Assert.Contains(diff.ChangedNodes, n => n.NodeId == "topics");
        Assert.Equal(new FieldChange("defaultLanguage", "\"az\"", "\"ru\""), Assert.Single(diff.Settings));
    }
}
