using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// A DTMF menu. Besides its options, the menu repeats itself on <see cref="RepeatKey"/> (default "*"),
/// goes to the operator on "0" when <see cref="OperatorTarget"/> is set, and goes back on "#" when <see cref="BackTarget"/> is set.
/// </summary>
public sealed record MenuNode : IvrNode
{
    public const string OperatorKey = "0";
    public const string BackKey = "#";
    public const string DefaultRepeatKey = "*";

    /// <summary>DTMF key → target node id.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>Key that replays the prompt; null disables repeating.</summary>
    public string? RepeatKey { get; set; } = DefaultRepeatKey;

    /// <summary>Target of key "0".</summary>
    public string? OperatorTarget { get; init; }

    /// <summary>Target of key "#".</summary>
    public string? BackTarget { get; init; }

    [JsonIgnore]
    public override string Kind => "menu";

    [JsonIgnore]
    public override bool WaitsForInput => true;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        foreach (var (key, target) in Options)
        {
            yield return new NodeLink($"option {key}", target);
        }

        if (OperatorTarget is not null)
        {
            yield return new NodeLink("operatorTarget", OperatorTarget);
        }

        if (BackTarget is not null)
        {
            yield return new NodeLink("backTarget", BackTarget);
        }
    }
}
