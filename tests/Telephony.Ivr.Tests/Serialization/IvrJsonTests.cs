using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Tests.Serialization;

public sealed class IvrJsonTests
{
    private const string MinimalTree = """
        {
          "id": "t", "version": 3, "languages": ["az", "ru"], "defaultLanguage": "az", "start": "hello",
          "nodes": {
            "hello": { "kind": "playMessage", "prompt": { "az": { "text": "Salam" }, "ru": { "audio": "prompts/ru/hello.wav" } }, "next": "bye" },
            "bye": { "kind": "hangup" }
          }
        }
        """;

    [Fact]
    public void ReadMenuTree_minimal_document_reads_kinds_prompts_and_defaults()
    {
        var tree = IvrJson.ReadMenuTree(MinimalTree);

        Assert.Equal(3, tree.Version);
        Assert.Equal(MenuTree.CurrentSchemaVersion, tree.SchemaVersion);
        Assert.Equal([Language.Az, Language.Ru], tree.Languages);
        var hello = Assert.IsType<PlayMessageNode>(tree.Nodes["hello"]);
        Assert.Equal("Salam", hello.Prompt[Language.Az].Text);
        Assert.Equal("prompts/ru/hello.wav", hello.Prompt[Language.Ru].Audio);
        Assert.Equal(IvrNode.DefaultTimeoutSeconds, hello.TimeoutSeconds);
        Assert.Equal(IvrNode.DefaultRetries, hello.Retries);
        Assert.IsType<HangupNode>(tree.Nodes["bye"]);
    }

    [Fact]
    public void ReadMenuTree_kind_after_other_properties_still_reads()
    {
        var tree = IvrJson.ReadMenuTree(MinimalTree.Replace(
            "{ \"kind\": \"playMessage\", \"prompt\"", "{ \"prompt\"", StringComparison.Ordinal).Replace(
            "\"next\": \"bye\" }", "\"next\": \"bye\", \"kind\": \"playMessage\" }", StringComparison.Ordinal));

        Assert.IsType<PlayMessageNode>(tree.Nodes["hello"]);
    }

    [Fact]
    public void ReadMenuTree_unknown_property_fails_naming_the_path()
    {
        var json = MinimalTree.Replace("\"next\": \"bye\"", "\"nxt\": \"bye\", \"next\": \"bye\"", StringComparison.Ordinal);

        var ex = Assert.Throws<IvrDocumentException>(() => IvrJson.ReadMenuTree(json));

        Assert.Contains("nxt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.nodes.hello", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMenuTree_unknown_kind_fails()
    {
        var json = MinimalTree.Replace("\"kind\": \"hangup\"", "\"kind\": \"dialAnything\"", StringComparison.Ordinal);

        Assert.Throws<IvrDocumentException>(() => IvrJson.ReadMenuTree(json));
    }

    [Fact]
    public void ReadMenuTree_missing_required_next_fails()
    {
        var json = MinimalTree.Replace(", \"next\": \"bye\"", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<IvrDocumentException>(() => IvrJson.ReadMenuTree(json));

        Assert.Contains("next", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_demo_tree_round_trips_to_identical_json()
    {
        var first = IvrJson.Write(DemoHotline.LoadTree());

        var second = IvrJson.Write(IvrJson.ReadMenuTree(first));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_uses_language_codes_for_keys_and_values()
    {
        var json = IvrJson.Write(IvrJson.ReadMenuTree(MinimalTree));

        Assert.Contains("\"az\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"defaultLanguage\": \"az\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"playMessage\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Az\"", json, StringComparison.Ordinal);
    }
}
