using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// What the ACD needs to queue the caller: the queue, every skill an agent must have (the node's skills plus
/// "lang:&lt;code&gt;" when the node asks for the caller's language), the priority, the caller's language and topic,
/// and the longest wait before the host should resume the menu at the overflow node.
/// </summary>
public sealed record QueueHandoff(string Queue, IReadOnlyList<string> Skills, int Priority, Language Language)
{
    public const string TopicSkillPrefix = "topic:";

    /// <summary>The topic of the first "topic:" skill, e.g. "transfers"; null when the queue names none.</summary>
    public string? Topic { get; init; }

    /// <summary>Longest wait; null waits until an agent answers or the caller leaves.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>Node the menu resumes at after <see cref="MaxWait"/>; see <see cref="IvrInterpreter.ResumeAsync"/>.</summary>
    public string? OverflowNode { get; init; }

    /// <summary>Node the menu resumes at when the agent ends the conversation (e.g. the survey); null ends the call.</summary>
    public string? AfterAgentNode { get; init; }
}
