using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>The demo hotline's QA form: greeting, handling (a critical criterion: the information given was correct) and closing.</summary>
internal static class DemoScorecard
{
    public const string FormId = "standard";

    public const string Name = "Standard call review";

    public static ScorecardDefinition Definition { get; } = new(
    [
        new ScorecardSection("Greeting",
        [
            new ScorecardCriterion("greeting", "Greeted the citizen and named the hotline", 1, AnswerType.YesNo, Critical: false),
            new ScorecardCriterion("identified", "Gave their own name", 1, AnswerType.YesNo, Critical: false),
        ]),
        new ScorecardSection("Handling",
        [
            new ScorecardCriterion("listening", "Listened and asked clarifying questions", 2, AnswerType.Scale, Critical: false),
            new ScorecardCriterion("correct", "The information given was correct", 3, AnswerType.YesNo, Critical: true),
        ]),
        new ScorecardSection("Closing",
        [
            new ScorecardCriterion("summary", "Summarised the next steps", 1, AnswerType.YesNo, Critical: false),
            new ScorecardCriterion("courtesy", "Courtesy throughout the call", 1, AnswerType.Scale, Critical: false),
        ]),
    ]);
}
