using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Schema;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Tests.Schema;

/// <summary>The published schema and the C# model describe the same document; a field added to one must be added to the other.</summary>
public sealed class MenuTreeSchemaTests
{
    private static readonly JsonElement Defs = LoadSchema().GetProperty("$defs");

    public static TheoryData<string, Type> NodeKinds()
    {
        var data = new TheoryData<string, Type>();
        foreach (var derived in IvrJson.TypeInfo(typeof(IvrNode)).PolymorphismOptions!.DerivedTypes)
        {
            data.Add((string)derived.TypeDiscriminator!, derived.DerivedType);
        }

        return data;
    }

    [Fact]
    public void Schema_is_embedded_and_declares_draft_2020_12()
    {
        var schema = LoadSchema();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Schema_root_properties_match_menu_tree_model()
    {
        var root = LoadSchema();

        AssertSameProperties(root, IvrJson.TypeInfo(typeof(MenuTree)), "MenuTree");
    }

    [Theory]
    [MemberData(nameof(NodeKinds))]
    public void Schema_node_definition_matches_model(string kind, Type nodeType)
    {
        Assert.True(Defs.TryGetProperty(kind + "Node", out var definition), $"schema has no $defs/{kind}Node");
        Assert.Equal(kind, definition.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());

        AssertSameProperties(definition, IvrJson.TypeInfo(nodeType), kind, "kind");
    }

    [Fact]
    public void Schema_node_union_lists_every_kind_once()
    {
        var references = Defs.GetProperty("node").GetProperty("oneOf").EnumerateArray()
            .Select(e => e.GetProperty("$ref").GetString()).ToList();

        var expected = NodeKinds().Select(row => "#/$defs/" + row[0] + "Node");
        Assert.Equal(expected.Order(StringComparer.Ordinal), references.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("schedule", typeof(HoursSchedule))]
    [InlineData("weeklyHours", typeof(WeeklyHours))]
    [InlineData("closure", typeof(Closure))]
    [InlineData("promptContent", typeof(PromptContent))]
    [InlineData("digitConfirmation", typeof(DigitConfirmation))]
    public void Schema_part_matches_model(string definitionName, Type modelType)
    {
        AssertSameProperties(Defs.GetProperty(definitionName), IvrJson.TypeInfo(modelType), definitionName);
    }

    [Fact]
    public void Demo_tree_reads_strictly_into_the_model_with_every_node_kind_it_names()
    {
        // Reading rejects unknown properties, unknown kinds and missing required fields, so a successful read
        // proves the document's structure fits the model.
        var tree = DemoHotline.LoadTree();

        Assert.Equal("edu-hotline", tree.Id);
        Assert.Contains(tree.Start, tree.Nodes.Keys);
        Assert.All(tree.Nodes.Values, node => Assert.NotNull(node.Prompt));
        Assert.Equal(
            ["callbackRequest", "hangup", "hoursBranch", "languageChoice", "menu", "playMessage", "queue", "survey", "voicemail"],
            tree.Nodes.Values.Select(n => n.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_enums_match_model_enums()
    {
        Assert.Equal(Enum.GetValues<Language>().Select(l => l.Code()), EnumValues(Defs.GetProperty("language")));
        Assert.Equal(Enum.GetValues<SayAs>().Select(CamelCase), EnumValues(Defs.GetProperty("sayNode").GetProperty("properties").GetProperty("as")));
        Assert.Equal(Enum.GetValues<Gender>().Select(CamelCase), EnumValues(Defs.GetProperty("sayNode").GetProperty("properties").GetProperty("gender")));
        Assert.Equal(
            Enum.GetValues<DayOfWeek>().Select(CamelCase).Order(StringComparer.Ordinal),
            EnumValues(Defs.GetProperty("weeklyHours").GetProperty("properties").GetProperty("days").GetProperty("items")).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> EnumValues(JsonElement definition) =>
        definition.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string CamelCase<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static void AssertSameProperties(JsonElement definition, JsonTypeInfo typeInfo, string what, params string[] extra)
    {
        var schemaNames = definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var modelNames = Serialized(typeInfo).Select(p => p.Name).Concat(extra).Order(StringComparer.Ordinal).ToList();
        Assert.True(schemaNames.SequenceEqual(modelNames),
            $"{what}: schema [{string.Join(", ", schemaNames)}] vs model [{string.Join(", ", modelNames)}]");

        var schemaRequired = definition.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(e => e.GetString()!).Except(extra).Order(StringComparer.Ordinal).ToList()
            : [];
        var modelRequired = Serialized(typeInfo).Where(p => p.IsRequired).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(schemaRequired.SequenceEqual(modelRequired),
            $"{what}: schema requires [{string.Join(", ", schemaRequired)}] vs model [{string.Join(", ", modelRequired)}]");
    }

    // Properties marked [JsonIgnore] stay in the contract without accessors.
    private static IEnumerable<JsonPropertyInfo> Serialized(JsonTypeInfo typeInfo) =>
        typeInfo.Properties.Where(p => p.Get is not null || p.Set is not null);

    private static JsonElement LoadSchema()
    {
        using var document = JsonDocument.Parse(MenuTreeSchema.ReadText());
        return document.RootElement.Clone();
    }
}
