using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Asks the caller to pick a language by key; the choice sets the caller's language for the rest of the call.</summary>
public sealed record LanguageChoiceNode : IvrNode
{
    /// <summary>DTMF key → language, e.g. "1" → az.</summary>
    public required IReadOnlyDictionary<string, Language> Options { get; init; }

    /// <summary>Node after a language is chosen.</summary>
    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "languageChoice";

    [JsonIgnore]
    public override bool WaitsForInput => true;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
