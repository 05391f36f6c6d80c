using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;

namespace Telephony.Acd.Tests.Routing;

/// <summary>An engine on virtual time with short helpers for agents, callers and the offer handshake.</summary>
internal sealed class AcdTestBed
{
    public const string Az = "lang:az";
    public const string Ru = "lang:ru";
    public const string En = "lang:en";
    public const string Transfers = "topic:transfers";
    public const string Pensions = "topic:pensions";

    public AcdTestBed(params AcdQueue[] queues)
        : this(new AcdOptions(), queues)
    {
    }

    public AcdTestBed(AcdOptions options, params AcdQueue[] queues)
    {
        Engine = new AcdEngine(Time, options);
        foreach (var queue in queues)
        {
            Engine.AddQueue(queue);
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public AcdEngine Engine { get; }

    public static AcdQueue Queue(string id, params SkillRequirement[] skills) => new()
    {
        Id = id,
        Name = id,
        RequiredSkills = skills,
        WrapUp = TimeSpan.Zero,
    };

    public static SkillRequirement Need(string skill, int minimum = 1) => new(skill, minimum);

    /// <summary>Adds the agent and logs them in.</summary>
    public AcdResult Agent(string id, params (string Skill, int Level)[] skills)
    {
        AddLoggedOut(id, skills);
        return Engine.LogIn(id);
    }

    public void AddLoggedOut(string id, params (string Skill, int Level)[] skills)
    {
        var result = Engine.AddAgent(new Agent(id, "ext-" + id, "Agent " + id, [.. skills.Select(s => new AgentSkill(s.Skill, s.Level))]));
        Assert.True(result.Accepted);
    }

    public AcdResult Enqueue(string callId, string queueId, params SkillRequirement[] skills) =>
        Engine.Enqueue(new EnqueueRequest(callId, queueId, skills));

    public AcdResult Enqueue(string callId, string queueId, int priority, params SkillRequirement[] skills) =>
        Engine.Enqueue(new EnqueueRequest(callId, queueId, skills, priority));

    public AcdResult Advance(TimeSpan by)
    {
        Time.Advance(by);
        return Engine.Tick();
    }

    public AcdResult AdvanceSeconds(double seconds) => Advance(TimeSpan.FromSeconds(seconds));

    public string? OfferedTo(string callId) => Engine.GetCaller(callId)?.OfferedTo;

    public AgentState StateOf(string agentId) => Engine.GetAgent(agentId)!.State;

    public AgentStatus StatusOf(string agentId) => Engine.GetAgent(agentId)!.Status;

    /// <summary>Confirms the pending reservation so the agent rings.</summary>
    public AcdResult Ring(string callId)
    {
        var agent = OfferedTo(callId) ?? throw new InvalidOperationException($"{callId} is not offered");
        var result = Engine.ConfirmReservation(agent, callId);
        Assert.True(result.Accepted);
        return result;
    }

    /// <summary>Confirms the reservation and answers: the caller is connected to the agent it was offered to.</summary>
    public string Connect(string callId)
    {
        var agent = OfferedTo(callId) ?? throw new InvalidOperationException($"{callId} is not offered");
        Ring(callId);
        Assert.True(Engine.Answer(callId).Accepted);
        return agent;
    }
}
