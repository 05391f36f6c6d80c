using Telephony.Acd.Skills;

namespace Telephony.Acd.Routing;

/// <summary>
/// A caller the IVR hands to a queue. <see cref="RequiredSkills"/> add to the queue's own (typically the chosen
/// language and topic); the stricter minimum wins when both name a skill. <see cref="EnqueuedAt"/> defaults to now;
/// an earlier time keeps the place of a caller who already waited (e.g. an overflow from another queue).
/// <see cref="IsCallback"/> re-queues a callback (a retry after the citizen did not answer): no maximum wait applies.
/// </summary>
public sealed record EnqueueRequest(
    string CallId,
    string QueueId,
    IReadOnlyList<SkillRequirement> RequiredSkills,
    int Priority = 0,
    DateTimeOffset? EnqueuedAt = null,
    bool IsCallback = false);
