using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Plays its prompt and moves on without waiting for input.</summary>
public sealed record PlayMessageNode : IvrNode
{
    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "playMessage";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
