using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>Asks the caller for a score from 1 to 5 and stores it for survey <see cref="SurveyId"/>.</summary>
public sealed record SurveyNode : IvrNode
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public required string SurveyId { get; init; }

    public required string Next { get; init; }

    [JsonIgnore]
    public override string Kind => "survey";

    [JsonIgnore]
    public override bool WaitsForInput => true;

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        yield return new NodeLink("next", Next);
    }
}
