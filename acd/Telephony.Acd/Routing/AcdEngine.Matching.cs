namespace Telephony.Acd.Routing;

/// <summary>
/// Matching. Score of an agent for a caller, compared field by field (higher wins):
/// 1. how many of the caller's strict requirements the agent meets in full (relaxation may admit agents missing some),
/// 2. the agent's lowest proficiency over those skills (missing = 0), 3. the sum of those proficiencies.
/// Among equal scores the longest-idle agent wins, then the smaller agent id (ordinal), so decisions are deterministic.
/// </summary>
public sealed partial class AcdEngine
{
    private const int MetWeight = 1_000_000;
    private const int MinimumWeight = 10_000;

    /// <summary>Caller-driven: offers the caller to the best free agent at its current relaxation level.</summary>
    private bool TryOfferCaller(WaitingCaller caller)
    {
        var requirements = caller.Pool.Levels[caller.Level];
        var strict = caller.Pool.Strict;
        AgentSlot? best = null;
        AgentSlot? bestMissed = null;
        var bestScore = -1;
        var bestMissedScore = -1;
        var candidates = _free.Candidates(requirements);
        for (var i = 0; i < candidates.Count; i++)
        {
            var agent = candidates[i];
            if (!Meets(agent, requirements))
            {
                continue;
            }

            var score = Score(agent, strict);
            if (caller.HasMissed(agent))
            {
                if (IsBetter(agent, score, bestMissed, bestMissedScore))
                {
                    bestMissed = agent;
                    bestMissedScore = score;
                }
            }
            else if (IsBetter(agent, score, best, bestScore))
            {
                best = agent;
                bestScore = score;
            }
        }

        var chosen = best ?? bestMissed;
        if (chosen is null)
        {
            return false;
        }

        Offer(caller, chosen);
        return true;
    }

    /// <summary>
    /// Agent-driven: the free agent takes the first caller it can serve in order of queue priority, caller priority,
    /// then longest wait, across every pool.
    /// </summary>
    private bool TryOfferAgent(AgentSlot agent)
    {
        if (!_free.Contains(agent))
        {
            return false;
        }

        WaitingCaller? best = null;
        for (var p = 0; p < _activePools.Count; p++)
        {
            var pool = _activePools[p];
            if (best is not null && pool.Queue.Priority < best.Queue.Priority)
            {
                continue;
            }

            var level = LowestEligibleLevel(agent, pool);
            if (level < 0)
            {
                continue;
            }

            var candidate = FirstAtLevel(pool, level);
            if (candidate is not null && (best is null || CallerOrder.Precedes(candidate, best)))
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            return false;
        }

        Offer(best, agent);
        return true;
    }

    private static WaitingCaller? FirstAtLevel(CallerPool pool, int level)
    {
        // Usually the head qualifies: within a priority, earlier callers have relaxed at least as far.
        var head = pool.Waiting.Min;
        if (head is null || head.Level >= level)
        {
            return head;
        }

        foreach (var caller in pool.Waiting)
        {
            if (caller.Level >= level)
            {
                return caller;
            }
        }

        return null;
    }

    /// <summary>The first relaxation level at which the agent qualifies for the pool, or -1; levels only loosen.</summary>
    private static int LowestEligibleLevel(AgentSlot agent, CallerPool pool)
    {
        if (!Meets(agent, pool.MostRelaxed))
        {
            return -1;
        }

        for (var level = 0; level < pool.Levels.Length - 1; level++)
        {
            if (Meets(agent, pool.Levels[level]))
            {
                return level;
            }
        }

        return pool.Levels.Length - 1;
    }

    private static bool Meets(AgentSlot agent, ResolvedRequirement[] requirements)
    {
        for (var i = 0; i < requirements.Length; i++)
        {
            if (agent.Proficiency(requirements[i].SkillId) < requirements[i].Minimum)
            {
                return false;
            }
        }

        return true;
    }

    private static int Score(AgentSlot agent, ResolvedRequirement[] strict)
    {
        var met = 0;
        var minimum = strict.Length == 0 ? 0 : int.MaxValue;
        var sum = 0;
        for (var i = 0; i < strict.Length; i++)
        {
            var proficiency = agent.Proficiency(strict[i].SkillId);
            if (proficiency >= strict[i].Minimum)
            {
                met++;
            }

            minimum = Math.Min(minimum, proficiency);
            sum += proficiency;
        }

        return (met * MetWeight) + (minimum * MinimumWeight) + sum;
    }

    private static bool IsBetter(AgentSlot candidate, int score, AgentSlot? current, int currentScore)
    {
        if (current is null)
        {
            return true;
        }

        if (score != currentScore)
        {
            return score > currentScore;
        }

        if (candidate.IdleSince != current.IdleSince)
        {
            return candidate.IdleSince < current.IdleSince;
        }

        return string.CompareOrdinal(candidate.Id, current.Id) < 0;
    }

    /// <summary>Reserves the agent for the caller in this process; the host then asks the shared store.</summary>
    private void Offer(WaitingCaller caller, AgentSlot agent)
    {
        Emit(agent.Machine.Reserve(caller.CallId, Now));
        UpdateIndexes(agent);
        RemoveFromPool(caller);
        caller.State = CallerState.Offering;
        caller.OfferedTo = agent;
        agent.OfferedCaller = caller;
        Command(new ReserveAgent(agent.Id, caller.CallId));
    }

    private void AddToPool(WaitingCaller caller)
    {
        var pool = caller.Pool;
        pool.Waiting.Add(caller);
        if (pool.ActivePosition < 0)
        {
            pool.ActivePosition = _activePools.Count;
            _activePools.Add(pool);
        }
    }

    private void RemoveFromPool(WaitingCaller caller)
    {
        var pool = caller.Pool;
        if (!pool.Waiting.Remove(caller) || pool.Waiting.Count > 0)
        {
            return;
        }

        var last = _activePools.Count - 1;
        if (pool.ActivePosition != last)
        {
            var moved = _activePools[last];
            _activePools[pool.ActivePosition] = moved;
            moved.ActivePosition = pool.ActivePosition;
        }

        _activePools.RemoveAt(last);
        pool.ActivePosition = -1;
    }

    /// <summary>True when some logged-in agent (any state) could serve the pool at its most relaxed level.</summary>
    private bool AnyLoggedIn(CallerPool pool)
    {
        var requirements = pool.MostRelaxed;
        var candidates = _loggedIn.Candidates(requirements);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Meets(candidates[i], requirements))
            {
                return true;
            }
        }

        return false;
    }
}
