using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Records a message after the prompt and the beep, up to <see cref="MaxSeconds"/>.</summary>
public sealed record VoicemailNode : IvrNode
{
    /// <summary>Mailbox the message is filed under.</summary>
    public required string Mailbox { get; init; }

    public int MaxSeconds { get; set; } = 120;

    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "voicemail";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
