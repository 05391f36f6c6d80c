using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Branches on the tree's named schedule: open, closed, or a holiday.</summary>
public sealed record HoursBranchNode : IvrNode
{
    /// <summary>Id of a schedule in <see cref="MenuTree.Schedules"/>.</summary>
    public required string Schedule { get; init; }

    public required string Open { get; init; }

    public required string Closed { get; init; }

    /// <summary>Target on a holiday; absent means the closed target.</summary>
    public string? Holiday { get; init; }

    [JsonIgnore]
    public override string Kind => "hoursBranch";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    [JsonIgnore]
    public override bool RequiresPrompt => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("open", Open);
        yield return new NodeLink("closed", Closed);
        if (Holiday is not null)
        {
            yield return new NodeLink("holiday", Holiday);
        }
    }
}
