using System.Text.Json;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;

namespace Telephony.Acd.Store.Configuration;

/// <summary>Turns an <see cref="AcdQueue"/> into the jsonb of acd_queues.definition and back (id and name are columns of their own).</summary>
public static class QueueDefinitionJson
{
    public static string Write(AcdQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var document = new QueueDefinitionDocument
        {
            RequiredSkills = [.. queue.RequiredSkills.Select(r => new SkillRequirementDocument(r.Skill, r.MinimumProficiency))],
            Priority = queue.Priority,
            ServiceLevel = new ServiceLevelDocument(queue.ServiceLevel.Fraction, queue.ServiceLevel.Threshold.TotalSeconds),
            MaxWaitSeconds = queue.MaxWait?.TotalSeconds,
            MaxLength = queue.MaxLength,
            Overflow = queue.Overflow is { } overflow ? new OverflowDocument(KindName(overflow.Kind), overflow.QueueId) : null,
            WhenNoAgents = queue.WhenNoAgents == NoAgentsBehavior.Overflow ? "overflow" : "wait",
            RelaxationSteps = [.. queue.RelaxationSteps.Select(s => new RelaxationStepDocument(s.After.TotalSeconds, s.MaximumRequiredProficiency, s.LanguageOnly))],
            RingTimeoutSeconds = queue.RingTimeout.TotalSeconds,
            WrapUpSeconds = queue.WrapUp.TotalSeconds,
            NoAnswerLimit = queue.NoAnswerLimit,
            InitialHandleTimeSeconds = queue.InitialHandleTime.TotalSeconds,
        };
        return JsonSerializer.Serialize(document, QueueDefinitionJsonContext.Default.QueueDefinitionDocument);
    }

    /// <summary>Reads a stored definition; throws <see cref="JsonException"/> or <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static AcdQueue Read(string id, string name, string json)
    {
        var document = JsonSerializer.Deserialize(json, QueueDefinitionJsonContext.Default.QueueDefinitionDocument)
            ?? throw new JsonException($"Queue '{id}': the definition is null.");
        return new AcdQueue
        {
            Id = id,
            Name = name,
            RequiredSkills = [.. document.RequiredSkills.Select(r => new SkillRequirement(r.Skill, r.MinimumProficiency))],
            Priority = document.Priority,
            ServiceLevel = new ServiceLevelTarget(document.ServiceLevel.Fraction, TimeSpan.FromSeconds(document.ServiceLevel.ThresholdSeconds)),
            MaxWait = document.MaxWaitSeconds is { } maxWait ? TimeSpan.FromSeconds(maxWait) : null,
            MaxLength = document.MaxLength,
            Overflow = document.Overflow is { } overflow ? ReadOverflow(id, overflow) : null,
            WhenNoAgents = document.WhenNoAgents switch
            {
                "wait" => NoAgentsBehavior.Wait,
                "overflow" => NoAgentsBehavior.Overflow,
                var other => throw new JsonException($"Queue '{id}': whenNoAgents '{other}' is neither 'wait' nor 'overflow'."),
            },
            RelaxationSteps = [.. document.RelaxationSteps.Select(s => new SkillRelaxationStep(TimeSpan.FromSeconds(s.AfterSeconds), s.MaximumRequiredProficiency, s.LanguageOnly))],
            RingTimeout = TimeSpan.FromSeconds(document.RingTimeoutSeconds),
            WrapUp = TimeSpan.FromSeconds(document.WrapUpSeconds),
            NoAnswerLimit = document.NoAnswerLimit,
            InitialHandleTime = TimeSpan.FromSeconds(document.InitialHandleTimeSeconds),
        };
    }

    private static string KindName(OverflowKind kind) => kind switch
    {
        OverflowKind.Queue => "queue",
        OverflowKind.Voicemail => "voicemail",
        OverflowKind.Callback => "callback",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown overflow kind."),
    };

    private static OverflowTarget ReadOverflow(string id, OverflowDocument overflow) => overflow.Kind switch
    {
        "queue" => OverflowTarget.ToQueue(overflow.QueueId ?? throw new JsonException($"Queue '{id}': a queue overflow needs a queueId.")),
        "voicemail" => OverflowTarget.Voicemail,
        "callback" => OverflowTarget.Callback,
        var other => throw new JsonException($"Queue '{id}': overflow kind '{other}' is not queue, voicemail or callback."),
    };
}
