using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// Hands the caller to the ACD queue with the skills an agent needs. With <see cref="LanguageSkill"/> the skill
/// "lang:&lt;code&gt;" of the language the caller chose is required too, so the agent speaks the caller's language.
/// </summary>
public sealed record QueueNode : IvrNode
{
    public const string LanguageSkillPrefix = "lang:";

    public required string Queue { get; init; }

    /// <summary>Fixed skills, e.g. "topic:admission".</summary>
    public IReadOnlyList<string> Skills { get; set; } = [];

    /// <summary>Require "lang:" + the caller's chosen language.</summary>
    public bool LanguageSkill { get; set; } = true;

    /// <summary>Higher is served first; 0 is normal.</summary>
    public int Priority { get; init; }

    /// <summary>Longest wait before <see cref="Overflow"/>; null waits until an agent answers or the caller leaves.</summary>
    public int? MaxWaitSeconds { get; init; }

    /// <summary>Node after <see cref="MaxWaitSeconds"/> (e.g. a callback offer); required when a maximum wait is set.</summary>
    public string? Overflow { get; init; }

    /// <summary>Node the caller returns to when the agent ends the conversation (e.g. a survey); absent ends the call.</summary>
    public string? AfterAgent { get; init; }

    [JsonIgnore]
    public override string Kind => "queue";

    [JsonIgnore]
    public override bool WaitsForInput => false;

    /// <summary>Skill name for a language, e.g. "lang:az".</summary>
    public static string LanguageSkillFor(Language language) => LanguageSkillPrefix + language.Code();

    protected override IEnumerable<NodeLink> OwnLinks()
    {
        if (Overflow is not null)
        {
            yield return new NodeLink("overflow", Overflow);
        }

        if (AfterAgent is not null)
        {
            yield return new NodeLink("afterAgent", AfterAgent);
        }
    }
}
