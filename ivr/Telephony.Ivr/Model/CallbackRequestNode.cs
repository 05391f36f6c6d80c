using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// Offers a call back: the prompt reads out the caller's number (or asks for one when it is withheld); the caller
/// presses <see cref="ConfirmKey"/> to accept it or <see cref="OtherNumberKey"/> to type another, which must match
/// <see cref="NumberPattern"/> so a callback cannot be aimed at premium or foreign numbers.
/// The request is queued for agents of <see cref="Queue"/> with the same skills rule as a queue node.
/// </summary>
public sealed record CallbackRequestNode : IvrNode
{
    public required string Queue { get; init; }

    public IReadOnlyList<string> Skills { get; set; } = [];

    public bool LanguageSkill { get; set; } = true;

    public string ConfirmKey { get; set; } = "1";

    public string OtherNumberKey { get; set; } = "2";

    /// <summary>Asks for the other number.</summary>
    public required IReadOnlyDictionary<Language, PromptContent> OtherNumberPrompt { get; init; }

    /// <summary>Regular expression a typed callback number must match as a whole (see <see cref="DigitPattern"/>).</summary>
    public required string NumberPattern { get; init; }

    /// <summary>Node after the request is registered (e.g. a thank-you and hang up).</summary>
    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "callbackRequest";

    [JsonIgnore]
    public override bool WaitsForInput => true;

    public override IEnumerable<KeyValuePair<string, IReadOnlyDictionary<Language, PromptContent>>> ExtraPrompts()
    {
        foreach (var prompt in base.ExtraPrompts())
        {
            yield return prompt;
        }

        yield return new("otherNumberPrompt", OtherNumberPrompt);
    }

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
