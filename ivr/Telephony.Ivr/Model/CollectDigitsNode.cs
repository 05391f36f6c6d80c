using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Collects a digit string (e.g. an appeal number) into a named call variable.</summary>
public sealed record CollectDigitsNode : IvrNode
{
    /// <summary>Call variable that receives the digits, e.g. "appealNumber".</summary>
    public required string Variable { get; init; }

    public int MinLength { get; set; } = 1;

    public int MaxLength { get; set; } = 20;

    /// <summary>Regular expression the whole input must match (see <see cref="DigitPattern"/>); null accepts any digits.</summary>
    public string? Pattern { get; init; }

    /// <summary>Key that ends the input early; null when input ends only at <see cref="MaxLength"/> or inter-digit timeout.</summary>
    public string? Terminator { get; set; } = "#";

    /// <summary>Seconds allowed between two digits.</summary>
    public int InterDigitTimeoutSeconds { get; set; } = 3;

    /// <summary>Optional read-back and confirmation.</summary>
    public DigitConfirmation? Confirmation { get; init; }

    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "collectDigits";

    [JsonIgnore]
    public override bool WaitsForInput => true;

    public override IEnumerable<KeyValuePair<string, IReadOnlyDictionary<Language, PromptContent>>> ExtraPrompts()
    {
        foreach (var prompt in base.ExtraPrompts())
        {
            yield return prompt;
        }

        if (Confirmation is not null)
        {
            yield return new("confirmation.prompt", Confirmation.Prompt);
            yield return new("confirmation.instructions", Confirmation.Instructions);
        }
    }

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
