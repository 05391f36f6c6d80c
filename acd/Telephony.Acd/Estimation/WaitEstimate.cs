namespace Telephony.Acd.Estimation;

/// <summary>
/// What to announce to a waiting caller, in <see cref="Language"/>. <see cref="Position"/> is 1 for the next caller
/// of its skill pool (0 while an agent is already being rung). <see cref="EstimatedWait"/> is
/// position × average handle time ÷ staffed agents, or null when nobody who could take the call is available.
/// </summary>
public sealed record WaitEstimate(
    string CallId,
    string QueueId,
    string? Language,
    int Position,
    int WaitingInPool,
    int StaffedAgents,
    TimeSpan AverageHandleTime,
    TimeSpan? EstimatedWait);
