using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

public sealed partial class AcdDispatcher
{
    private static readonly TimeSpan FirstLoadRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestLoadRetry = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<QueuedCall> _pending = [];
    private bool _configured;

    /// <summary>Completes once the queues and agents are loaded and in the engine (callers who came earlier wait for it).</summary>
    public Task ConfigurationLoaded => _loaded.Task;

    /// <summary>
    /// Loads queues and agents off the loop, retrying with a growing pause while the source fails (the database is
    /// away), so the host starts and answers /healthz meanwhile; then hands them to the loop.
    /// </summary>
    private async Task LoadConfigurationAsync(CancellationToken stoppingToken)
    {
        var retry = FirstLoadRetry;
        while (true)
        {
            try
            {
                var configuration = await _configuration.LoadAsync(stoppingToken).ConfigureAwait(false);
                await PostAsync(() => ApplyConfiguration(configuration), stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                AcdHostLog.ConfigurationNotLoaded(_logger, retry.TotalSeconds, exception.Message);
            }

            await Task.Delay(retry, _time, stoppingToken).ConfigureAwait(false);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestLoadRetry.Ticks));
        }
    }

    private void ApplyConfiguration(AcdConfiguration configuration)
    {
        Remember(configuration);
        _liveChanged = true;
        var queues = 0;
        foreach (var queue in configuration.Queues)
        {
            queues += TryAddQueue(queue) ? 1 : 0;
        }

        foreach (var agent in configuration.Agents)
        {
            AddAgent(agent);
        }

        foreach (var extension in configuration.InitiallyAvailable)
        {
            if (_agentIdsByExtension.TryGetValue(extension, out var agentId))
            {
                Apply(_engine.LogIn(agentId));
            }
        }

        foreach (var shared in configuration.SharedStatuses)
        {
            ApplySharedStatus(shared);
        }

        _configured = true;
        CallsLog.AcdLoaded(_logger, queues, configuration.Agents.Count);
        foreach (var waiting in _pending)
        {
            if (_calls.ContainsKey(waiting.CallId) && !waiting.Completion.Task.IsCompleted)
            {
                EnqueueInEngine(waiting);
            }
        }

        _pending.Clear();
        _loaded.TrySetResult();
    }

    private bool TryAddQueue(AcdQueue queue)
    {
        try
        {
            _engine.AddQueue(queue);
            return true;
        }
        catch (ArgumentException exception)
        {
            // One bad stored queue must not keep the others out of service.
            AcdHostLog.QueueSkipped(_logger, queue.Id, exception.Message);
            return false;
        }
    }

    private void AddAgent(Agent agent)
    {
        Apply(_engine.AddAgent(agent));
        _agentIdsByExtension[agent.Extension] = agent.Id;
        _extensionsByAgentId[agent.Id] = agent.Extension;
    }
}
