using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Jumps to another node; lets several branches share one continuation.</summary>
public sealed record GoToNode : IvrNode
{
    public required string Target { get; init; }

    [JsonIgnore]
    public override string Kind => "goTo";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    [JsonIgnore]
    public override bool RequiresPrompt => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("target", Target);
    }
}
