using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using Telephony.Host.Acd.Live;

namespace Telephony.Host.Acd;

/// <summary>
/// The live view: after each input that changed the engine, the loop publishes an immutable <see cref="AcdLiveSnapshot"/>
/// (queues, agents, today's figures) that gauges and the wallboard read from any thread.
/// </summary>
public sealed partial class AcdDispatcher
{
    private readonly List<AcdQueue> _queueDefinitions = [];
    private readonly Dictionary<string, HashSet<string>> _skillsByAgentId = new(StringComparer.Ordinal);
    private AcdLiveSnapshot _live = AcdLiveSnapshot.Empty;
    private bool _liveChanged = true;

    /// <summary>The ACD as of the last input the loop handled.</summary>
    public AcdLiveSnapshot Live => Volatile.Read(ref _live);

    /// <summary>The local day and short-abandon threshold the today figures use.</summary>
    public AcdLiveOptions LiveOptions { get; }

    private void Remember(AcdConfiguration configuration)
    {
        _queueDefinitions.AddRange(configuration.Queues);
        foreach (var agent in configuration.Agents)
        {
            _skillsByAgentId[agent.Id] = new HashSet<string>(agent.Skills.Select(skill => skill.Skill), StringComparer.Ordinal);
        }
    }

    /// <summary>Runs on the loop after every input; rebuilds the snapshot only when an engine result was applied.</summary>
    private void PublishLive()
    {
        if (!_liveChanged)
        {
            return;
        }

        _liveChanged = false;
        var agents = _engine.GetAgents();
        var callers = _engine.GetCallers();
        var queues = new List<QueueLive>(_queueDefinitions.Count);
        foreach (var queue in _queueDefinitions)
        {
            var waiting = 0;
            DateTimeOffset? oldest = null;
            foreach (var caller in callers)
            {
                if (string.Equals(caller.QueueId, queue.Id, StringComparison.Ordinal))
                {
                    waiting++;
                    oldest = oldest is { } before && before <= caller.EnqueuedAt ? before : caller.EnqueuedAt;
                }
            }

            var available = agents.Count(agent => agent.Status == AgentStatus.Available && agent.State == AgentState.Idle && Qualifies(agent, queue));
            var onCall = agents.Count(agent => agent.State == AgentState.OnCall && agent.CallId is { } callId
                && _calls.TryGetValue(callId, out var call) && string.Equals(call.QueueId, queue.Id, StringComparison.Ordinal));
            queues.Add(new QueueLive(queue.Id, waiting, oldest, available, onCall, _today.Of(queue.Id)));
        }

        var live = new AcdLiveSnapshot(
            _today.Day,
            queues,
            [.. agents.Select(agent => new AgentLive(agent.Extension, AgentLiveStates.Of(agent), agent.BreakReason)).OrderBy(agent => agent.Extension, StringComparer.Ordinal)]);
        Volatile.Write(ref _live, live);
    }

    private bool Qualifies(AgentView agent, AcdQueue queue) =>
        _skillsByAgentId.TryGetValue(agent.AgentId, out var skills) && queue.RequiredSkills.All(required => skills.Contains(required.Skill));
}
