using BenchmarkDotNet.Attributes;
using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;

namespace Telephony.Benchmarks.Acd;

/// <summary>
/// Routing decisions at hotline scale: 5,000 agents, 50 topic queues, 2,000 waiting callers (3 languages).
/// AgentFreed: every agent is on a call; one hangs up (no wrap-up) and picks the best waiting caller across
/// all queues, then is put back on a call and a new caller arrives so the load stays constant.
/// CallerArrives: English speakers are all busy with 2,000 English callers waiting; an az/ru caller arrives and
/// gets the best free agent, then abandons so the agent is free again.
/// </summary>
[MemoryDiagnoser]
public class AcdRoutingBenchmarks
{
    private const int AgentCount = 5_000;
    private const int QueueCount = 50;
    private const int WaitingCallers = 2_000;
    private static readonly string[] Languages = ["lang:az", "lang:ru", "lang:en"];

    private readonly Dictionary<string, string> _callOfAgent = new(StringComparer.Ordinal);
    private readonly List<string> _agentIds = [];
    private LatencyRecorder _latency = new("none");
    private ManualTimeProvider _time = null!;
    private AcdEngine _engine = null!;
    private Random _random = null!;
    private int _cursor;
    private long _decisions;
    private long _matched;
    private long _nextCall;

    [GlobalSetup(Target = nameof(AgentFreed_takes_best_waiting_caller))]
    public void SetupEveryAgentBusy()
    {
        Build("fill", null);
        _latency = new LatencyRecorder("agent freed -> caller chosen (Hangup)");
        for (var i = 0; i < WaitingCallers; i++)
        {
            EnqueueRandom(Languages);
        }
    }

    [GlobalSetup(Target = nameof(CallerArrives_takes_best_free_agent))]
    public void SetupEnglishBusy()
    {
        Build("fill-en", "lang:en");
        _latency = new LatencyRecorder("caller arrives -> agent chosen (Enqueue)");
        for (var i = 0; i < WaitingCallers; i++)
        {
            EnqueueRandom(["lang:en"]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latency.Report();
        Console.WriteLine($"// ACD decisions that reserved someone: {_matched} of {_decisions}; callers queued at end: {_engine.QueuedCallers}");
    }

    [Benchmark]
    public void AgentFreed_takes_best_waiting_caller()
    {
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _engine.Tick();
        string? callId = null;
        string agentId = string.Empty;
        while (callId is null)
        {
            agentId = _agentIds[_cursor++ % _agentIds.Count];
            _callOfAgent.TryGetValue(agentId, out callId);
        }

        var started = LatencyRecorder.Start();
        var result = _engine.Hangup(callId);
        _latency.Stop(started);
        _callOfAgent.Remove(agentId);
        Count(ConnectReserved(result));
        ConnectReserved(EnqueueRandom(Languages));
    }

    [Benchmark]
    public void CallerArrives_takes_best_free_agent()
    {
        var callId = "x" + _nextCall++;
        var request = new EnqueueRequest(callId, "q" + _random.Next(QueueCount), [new SkillRequirement(Languages[_random.Next(2)], _random.Next(1, 4))]);
        var started = LatencyRecorder.Start();
        var result = _engine.Enqueue(request);
        _latency.Stop(started);
        Count(result.Commands.Count > 0);
        _engine.Abandon(callId);
    }

    private void Count(bool matched)
    {
        _decisions++;
        _matched += matched ? 1 : 0;
    }

    private void Build(string fillQueue, string? fillLanguage)
    {
        _random = new Random(42);
        _time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        _engine = new AcdEngine(_time);
        _callOfAgent.Clear();
        _agentIds.Clear();
        for (var q = 0; q < QueueCount; q++)
        {
            _engine.AddQueue(new AcdQueue
            {
                Id = "q" + q,
                Name = "Topic " + q,
                Priority = q % 3,
                RequiredSkills = [new SkillRequirement("topic:t" + q, _random.Next(1, 5))],
                WrapUp = TimeSpan.Zero,
                RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(30), 2), new SkillRelaxationStep(TimeSpan.FromSeconds(90), 1, LanguageOnly: true)],
            });
        }

        _engine.AddQueue(new AcdQueue
        {
            Id = fillQueue,
            Name = "Filler",
            RequiredSkills = fillLanguage is null ? [] : [new SkillRequirement(fillLanguage)],
            WrapUp = TimeSpan.Zero,
        });

        for (var i = 0; i < AgentCount; i++)
        {
            var id = "agent" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var skills = new List<AgentSkill>();
            foreach (var language in Languages)
            {
                if (_random.NextDouble() < 0.5 || (language == Languages[^1] && skills.Count == 0))
                {
                    skills.Add(new AgentSkill(language, _random.Next(1, 11)));
                }
            }

            foreach (var topic in Enumerable.Range(0, QueueCount).OrderBy(_ => _random.Next()).Take(6))
            {
                skills.Add(new AgentSkill("topic:t" + topic, _random.Next(1, 11)));
            }

            _engine.AddAgent(new Agent(id, "ext" + i, id, skills));
            _engine.LogIn(id);
            _agentIds.Add(id);
        }

        // Put agents on calls through the filler queue until it has nobody left to take.
        while (true)
        {
            var fill = _engine.Enqueue(new EnqueueRequest("f" + _nextCall++, fillQueue, []));
            if (!ConnectReserved(fill))
            {
                break;
            }
        }
    }

    private AcdResult EnqueueRandom(string[] languages) =>
        _engine.Enqueue(new EnqueueRequest(
            "w" + _nextCall++,
            "q" + _random.Next(QueueCount),
            [new SkillRequirement(languages[_random.Next(languages.Length)], _random.Next(1, 4))],
            _random.Next(100) < 5 ? 1 : 0));

    private bool ConnectReserved(AcdResult result)
    {
        foreach (var command in result.Commands)
        {
            if (command is ReserveAgent reserve)
            {
                _engine.ConfirmReservation(reserve.AgentId, reserve.CallId);
                _engine.Answer(reserve.CallId);
                _callOfAgent[reserve.AgentId] = reserve.CallId;
                return true;
            }
        }

        return false;
    }
}
