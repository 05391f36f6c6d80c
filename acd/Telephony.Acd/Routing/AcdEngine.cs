using System.Text;
using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;

namespace Telephony.Acd.Routing;

/// <summary>
/// The routing core: synchronous, deterministic and free of I/O. The host feeds it inputs (agent status, callers,
/// reservation outcomes, answers, hang-ups, <see cref="Tick"/>) and carries out the returned commands in order.
/// Not thread-safe: the host serialises all calls (one engine per process, one lock or one loop).
/// Invariant kept after every input: an agent holds at most one caller, and no waiting caller could be
/// served by a free agent (otherwise they would already be matched).
/// </summary>
public sealed partial class AcdEngine
{
    private readonly TimeProvider _time;
    private readonly AcdOptions _options;
    private readonly SkillCatalog _catalog = new();
    private readonly Dictionary<string, QueueRuntime> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentSlot> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallerPool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitingCaller> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentSlot> _connectedCalls = new(StringComparer.Ordinal);
    private readonly List<CallerPool> _activePools = [];
    private readonly AgentIndex _free = new(AgentIndex.FreeSlot);
    private readonly AgentIndex _loggedIn = new(AgentIndex.LoggedInSlot);
    private readonly PriorityQueue<TimerEntry, (long DueTicks, long Sequence)> _timers = new();
    private readonly List<AcdCommand> _commands = [];
    private readonly List<AcdEvent> _events = [];
    private long _sequence;

    public AcdEngine(TimeProvider time, AcdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _options = options ?? new AcdOptions();
        _options.Validate();
    }

    /// <summary>Callers waiting or being offered, across all queues.</summary>
    public int QueuedCallers => _callers.Count;

    /// <summary>Adds a queue; throws <see cref="ArgumentException"/> when it is invalid or its id is taken.</summary>
    public void AddQueue(AcdQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        queue.Validate();
        if (!_queues.TryAdd(queue.Id, new QueueRuntime(queue)))
        {
            throw new ArgumentException($"Queue '{queue.Id}' already exists.", nameof(queue));
        }
    }

    /// <summary>Registers an agent; they start logged out and idle.</summary>
    public AcdResult AddAgent(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (_agents.ContainsKey(agent.Id))
        {
            return Reject(AcdRejection.DuplicateAgent);
        }

        var now = Now;
        var slot = new AgentSlot(agent, new AgentStateMachine(agent.Id, now), now);
        slot.SetProfile(agent, _catalog);
        _agents.Add(agent.Id, slot);
        return Finish();
    }

    /// <summary>Replaces an agent's skills (same id); a free agent is matched again at once.</summary>
    public AcdResult UpdateAgent(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!_agents.TryGetValue(agent.Id, out var slot))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        var wasFree = _free.Contains(slot);
        var wasLoggedIn = _loggedIn.Contains(slot);
        if (wasFree)
        {
            _free.Remove(slot);
        }

        if (wasLoggedIn)
        {
            _loggedIn.Remove(slot);
        }

        slot.SetProfile(agent, _catalog);
        UpdateIndexes(slot);
        TryOfferAgent(slot);
        OverflowPoolsWithoutAgents();
        return Finish();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void Emit(AcdEvent acdEvent) => _events.Add(acdEvent);

    private void Command(AcdCommand command) => _commands.Add(command);

    private AcdResult Finish() => Result(AcdRejection.None);

    private AcdResult Reject(AcdRejection rejection) => Result(rejection);

    private AcdResult Result(AcdRejection rejection)
    {
        var result = new AcdResult(rejection, [.. _commands], [.. _events]);
        _commands.Clear();
        _events.Clear();
        return result;
    }

    /// <summary>Keeps the free and logged-in indexes in step with the agent's status, state and back-off.</summary>
    private void UpdateIndexes(AgentSlot agent)
    {
        var shouldBeFree = agent.Machine.IsFree && agent.BackoffUntil is null;
        if (shouldBeFree != _free.Contains(agent))
        {
            if (shouldBeFree)
            {
                _free.Add(agent);
            }
            else
            {
                _free.Remove(agent);
            }
        }

        var shouldBeLoggedIn = agent.Machine.Status != AgentStatus.LoggedOut;
        if (shouldBeLoggedIn != _loggedIn.Contains(agent))
        {
            if (shouldBeLoggedIn)
            {
                _loggedIn.Add(agent);
            }
            else
            {
                _loggedIn.Remove(agent);
            }
        }
    }

    private CallerPool GetPool(QueueRuntime queue, IReadOnlyList<SkillRequirement> callerSkills)
    {
        var merged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var requirement in queue.Definition.RequiredSkills)
        {
            merged[requirement.Skill] = requirement.MinimumProficiency;
        }

        foreach (var requirement in callerSkills)
        {
            merged[requirement.Skill] = merged.TryGetValue(requirement.Skill, out var existing)
                ? Math.Max(existing, requirement.MinimumProficiency)
                : requirement.MinimumProficiency;
        }

        var key = new StringBuilder(queue.Id);
        foreach (var (skill, minimum) in merged)
        {
            key.Append('\n').Append(skill).Append('>').Append(minimum);
        }

        var keyText = key.ToString();
        if (_pools.TryGetValue(keyText, out var pool))
        {
            return pool;
        }

        pool = new CallerPool(keyText, queue, ResolveLevels(queue.Definition, merged), LanguageOf(merged.Keys), _options.HandleTimeSmoothing);
        _pools.Add(keyText, pool);
        return pool;
    }

    private ResolvedRequirement[][] ResolveLevels(AcdQueue queue, SortedDictionary<string, int> merged)
    {
        var strict = merged.Select(pair => new ResolvedRequirement(_catalog.GetOrAdd(pair.Key), pair.Value, SkillNames.IsLanguage(pair.Key))).ToArray();
        var levels = new ResolvedRequirement[queue.RelaxationSteps.Count + 1][];
        levels[0] = strict;
        int? cap = null;
        for (var i = 0; i < queue.RelaxationSteps.Count; i++)
        {
            var step = queue.RelaxationSteps[i];
            cap = step.MaximumRequiredProficiency ?? cap;
            var capValue = cap;
            levels[i + 1] = strict
                .Where(requirement => !step.LanguageOnly || requirement.IsLanguage)
                .Select(requirement => requirement with { Minimum = Math.Min(requirement.Minimum, capValue ?? requirement.Minimum) })
                .ToArray();
        }

        return levels;
    }

    private static string? LanguageOf(IEnumerable<string> skills) =>
        skills.Select(SkillNames.LanguageCode).FirstOrDefault(code => code is not null);
}
