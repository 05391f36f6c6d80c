using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// Transfers the call to a fixed external number. The number is a literal in the tree and must be on the transfer
/// allowlist; there is deliberately no way to transfer to digits the caller typed (toll fraud).
/// </summary>
public sealed record TransferNode : IvrNode
{
    /// <summary>Destination in E.164 form, e.g. "+994124930000".</summary>
    public required string Number { get; init; }

    /// <summary>Node when the destination is busy or does not answer; absent ends the call.</summary>
    public string? OnFailure { get; init; }

    [JsonIgnore]
    public override string Kind => "transfer";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    [JsonIgnore]
    public override bool RequiresPrompt => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        if (OnFailure is not null)
        {
            yield return new NodeLink("onFailure", OnFailure);
        }
    }
}
