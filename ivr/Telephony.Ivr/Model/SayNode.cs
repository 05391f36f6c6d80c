using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// Speaks a number, date, time or digit string in the caller's language, after its own prompt (if any).
/// The value comes from a call variable or from a literal; exactly one of the two is set.
/// </summary>
public sealed record SayNode : IvrNode
{
    public required SayAs As { get; init; }

    /// <summary>Call variable holding the value, e.g. "appealNumber" or the built-in "queuePosition".</summary>
    public string? Variable { get; init; }

    /// <summary>Literal value in invariant form: "42", "2026-11-23", "18:00", "0123".</summary>
    public string? Literal { get; init; }

    /// <summary>Gender of the counted noun for <see cref="SayAs.Number"/>.</summary>
    public Gender Gender { get; set; } = Gender.Masculine;

    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "say";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    [JsonIgnore]
    public override bool RequiresPrompt => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
