using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Plays its prompt, if any, and ends the call.</summary>
public sealed record HangupNode : IvrNode
{
    [JsonIgnore]
    public override string Kind => "hangup";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    [JsonIgnore]
    public override bool RequiresPrompt => false;

    protected override IEnumerable<NodeLink> OwnLinks() => [];
}
