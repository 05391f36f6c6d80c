using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

/// <summary>
/// Thousands of random inputs in random order, as a host under load would send them; after each one the engine's
/// invariants are checked against an independent model of eligibility.
/// </summary>
public sealed class AcdEnginePropertyTests
{
    private static readonly string[] Languages = [Az, Ru, En];
    private static readonly string[] Topics = [Transfers, Pensions, "topic:cards"];

    private static readonly AcdQueue[] Queues =
    [
        Queue("transfers", Need(Transfers, 6)) with
        {
            Priority = 2,
            RingTimeout = TimeSpan.FromSeconds(10),
            WrapUp = TimeSpan.FromSeconds(5),
            NoAnswerLimit = 2,
            MaxWait = TimeSpan.FromSeconds(200),
            MaxLength = 6,
            Overflow = OverflowTarget.Voicemail,
            RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(20), 3), new SkillRelaxationStep(TimeSpan.FromSeconds(60), 1, LanguageOnly: true)],
        },
        Queue("pensions", Need(Pensions, 4)) with
        {
            RingTimeout = TimeSpan.FromSeconds(8),
            WrapUp = TimeSpan.Zero,
            WhenNoAgents = NoAgentsBehavior.Overflow,
            Overflow = OverflowTarget.Callback,
            RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(30), LanguageOnly: true)],
        },
        Queue("cards", Need("topic:cards", 2)) with { Priority = 1, RingTimeout = TimeSpan.FromSeconds(12), WrapUp = TimeSpan.FromSeconds(15) },
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_operations_never_offer_one_agent_two_calls_and_never_leave_a_servable_caller_waiting(int seed)
    {
        var random = new Random(seed);
        var bed = new AcdTestBed(Queues);
        var agentSkills = new Dictionary<string, AgentSkill[]>();
        var callerNeeds = new Dictionary<string, (AcdQueue Queue, SkillRequirement[] Skills)>();
        for (var i = 0; i < 10; i++)
        {
            var id = "a" + i;
            var skills = Languages.Concat(Topics)
                .Where(_ => random.NextDouble() < 0.55)
                .Select(skill => new AgentSkill(skill, random.Next(1, 11)))
                .ToArray();
            agentSkills[id] = skills;
            Assert.True(bed.Engine.AddAgent(new Agent(id, "ext" + i, id, skills)).Accepted);
        }

        var nextCall = 0;
        var seen = new HashSet<Type>();
        for (var step = 0; step < 3000; step++)
        {
            var agentId = "a" + random.Next(10);
            var agent = bed.Engine.GetAgent(agentId)!;
            var callers = bed.Engine.GetCallers();
            var anyCaller = callers.Count > 0 ? callers[random.Next(callers.Count)] : null;
            AcdResult? result = null;
            switch (random.Next(12))
            {
                case 0 or 1:
                    var queue = Queues[random.Next(Queues.Length)];
                    var callId = "c" + nextCall++;
                    var needs = new[] { new SkillRequirement(Languages[random.Next(Languages.Length)], random.Next(1, 8)) };
                    callerNeeds[callId] = (queue, needs);
                    result = bed.Engine.Enqueue(new EnqueueRequest(callId, queue.Id, needs, random.Next(3)));
                    break;
                case 2:
                    if (anyCaller is not null)
                    {
                        result = bed.Engine.Abandon(anyCaller.CallId);
                    }

                    break;
                case 3:
                    result = bed.Engine.SetStatus(agentId, (AgentStatus)random.Next(3), "reason" + random.Next(2));
                    break;
                case 4 or 5:
                    if (agent.State == AgentState.Reserved)
                    {
                        if (random.NextDouble() < 0.8)
                        {
                            result = bed.Engine.ConfirmReservation(agentId, agent.CallId!);
                        }
                        else
                        {
                            result = bed.Engine.RejectReservation(agentId, agent.CallId!);
                        }
                    }

                    break;
                case 6:
                    if (agent.State == AgentState.Ringing)
                    {
                        result = bed.Engine.Answer(agent.CallId!);
                    }
                    else if (anyCaller is not null)
                    {
                        result = bed.Engine.Answer(anyCaller.CallId);
                    }

                    break;
                case 7:
                    result = bed.Engine.RingFailed(agent.CallId ?? "none");
                    break;
                case 8:
                    result = bed.Engine.Hangup(agent.CallId ?? "none");
                    break;
                case 9:
                    result = bed.Engine.EndWrapUp(agentId);
                    break;
                default:
                    result = bed.AdvanceSeconds(random.Next(0, 25));
                    break;
            }

            seen.UnionWith(result?.Events.Select(e => e.GetType()) ?? []);
            CheckInvariants(bed, agentSkills, callerNeeds, step);
        }

        // The run must have walked every path, or the invariants above prove little.
        Type[] expected =
        [
            typeof(CallerAnswered), typeof(CallerAbandoned), typeof(CallerOverflowed), typeof(OfferTimedOut),
            typeof(AgentPaused), typeof(AgentReservationFailed), typeof(CallerSkillsRelaxed), typeof(HandleTimeRecorded),
        ];
        Assert.All(expected, type => Assert.Contains(type, seen));
    }

    private static void CheckInvariants(
        AcdTestBed bed,
        Dictionary<string, AgentSkill[]> agentSkills,
        Dictionary<string, (AcdQueue Queue, SkillRequirement[] Skills)> callerNeeds,
        int step)
    {
        var agents = bed.Engine.GetAgents();
        var callers = bed.Engine.GetCallers();
        var now = bed.Time.GetUtcNow();

        var offered = callers.Where(c => c.OfferedTo is not null).ToList();
        Assert.True(offered.Select(c => c.OfferedTo).Distinct().Count() == offered.Count, $"step {step}: one agent offered two callers");
        foreach (var agent in agents)
        {
            var offeredCallers = offered.Where(c => c.OfferedTo == agent.AgentId).ToList();
            if (agent.State is AgentState.Reserved or AgentState.Ringing)
            {
                Assert.True(offeredCallers.Count == 1 && offeredCallers[0].CallId == agent.CallId, $"step {step}: {agent.AgentId} {agent.State} without its caller");
            }
            else
            {
                Assert.True(offeredCallers.Count == 0, $"step {step}: {agent.AgentId} {agent.State} but holds a caller");
            }

            if (agent.State is AgentState.OnCall or AgentState.WrapUp)
            {
                Assert.DoesNotContain(callers, c => c.CallId == agent.CallId);
            }
        }

        var busyCalls = agents.Where(a => a.CallId is not null).Select(a => a.CallId).ToList();
        Assert.True(busyCalls.Distinct().Count() == busyCalls.Count, $"step {step}: one call held by two agents");

        var free = agents.Where(a => a.Status == AgentStatus.Available && a.State == AgentState.Idle && a.ReservationBackoffUntil is null).ToList();
        foreach (var caller in callers)
        {
            var (queue, skills) = callerNeeds[caller.CallId];
            var level = queue.RelaxationSteps.Count(s => s.After <= now - caller.EnqueuedAt);
            Assert.True(level == caller.RelaxationLevel, $"step {step}: {caller.CallId} level {caller.RelaxationLevel}, expected {level}");
            if (queue.MaxWait is { } maxWait && caller.OfferedTo is null)
            {
                Assert.True(now - caller.EnqueuedAt < maxWait, $"step {step}: {caller.CallId} waiting past MaxWait");
            }

            if (caller.OfferedTo is not null)
            {
                continue;
            }

            var requirements = RequirementsAt(queue, skills, level);
            var servable = free.FirstOrDefault(a => requirements.All(r => agentSkills[a.AgentId].Any(s => s.Skill == r.Skill && s.Level >= r.MinimumProficiency)));
            Assert.True(servable is null, $"step {step}: {caller.CallId} waits while {servable?.AgentId} is free and qualified");
        }
    }

    /// <summary>Independent model of the documented relaxation rules.</summary>
    private static List<SkillRequirement> RequirementsAt(AcdQueue queue, SkillRequirement[] callerSkills, int level)
    {
        var merged = queue.RequiredSkills.Concat(callerSkills)
            .GroupBy(r => r.Skill)
            .Select(g => new SkillRequirement(g.Key, g.Max(r => r.MinimumProficiency)))
            .ToList();
        int? cap = null;
        var languageOnly = false;
        foreach (var step in queue.RelaxationSteps.Take(level))
        {
            cap = step.MaximumRequiredProficiency ?? cap;
            languageOnly = step.LanguageOnly;
        }

        return [.. merged
            .Where(r => !languageOnly || r.IsLanguage)
            .Select(r => new SkillRequirement(r.Skill, Math.Min(r.MinimumProficiency, cap ?? r.MinimumProficiency)))];
    }
}
