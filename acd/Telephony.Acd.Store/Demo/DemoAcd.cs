using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Configuration;

namespace Telephony.Acd.Store.Demo;

/// <summary>
/// The ACD side of the demo hotline (host option --demo): one queue per topic of the IVR's demo tree and agents 1001–1004.
/// The IVR's queue nodes hand each caller over with "topic:&lt;queue&gt;" and the chosen language ("lang:az|ru|en"),
/// so every queue id here matches a queue node of the tree (Telephony.Ivr.Demo.DemoHotline), and every agent holds
/// "topic:general" because the tree asks for it on the operator queue.
/// <list type="bullet">
/// <item>Topic queues need their topic at proficiency 5 or more; "general" needs nothing beyond what the caller brings.</item>
/// <item>80% answered within 20 s; ring 15 s; wrap-up 10 s; 3 unanswered offers in a row put an agent on break;
/// after 300 s the caller overflows to a callback offer.</item>
/// <item>Relaxation: after 60 s any proficiency will do; after 120 s only the language counts.</item>
/// </list>
/// Agents (proficiency 1–10), chosen so the demo shows skills routing and relaxation:
/// <list type="bullet">
/// <item>1001 Aysel Məmmədova: az, ru, en; every topic — the senior who can take anything.</item>
/// <item>1002 Rəşad Əliyev: az, ru; admission, transfers, general.</item>
/// <item>1003 Ирина Кузнецова: ru, en; recognition, employment, general.</item>
/// <item>1004 Leyla Həsənova: az; employment, general, and admission at 3 — still learning, so she gets admission
/// callers only once they have waited 60 s.</item>
/// </list>
/// </summary>
public static class DemoAcd
{
    /// <summary>Proficiency a topic queue asks for before relaxation.</summary>
    public const int TopicProficiency = 5;

    /// <summary>The queue ids of the IVR demo tree, in menu order.</summary>
    public static IReadOnlyList<string> QueueIds { get; } = ["admission", "employment", "transfers", "recognition", "general"];

    public static IReadOnlyList<AcdQueue> Queues { get; } =
    [
        Queue("admission", "University admission", topicRequired: true),
        Queue("employment", "Teacher employment", topicRequired: true),
        Queue("transfers", "Student transfers", topicRequired: true),
        Queue("recognition", "Diploma recognition", topicRequired: true),
        Queue("general", "Other questions (operator)", topicRequired: false),
    ];

    public static IReadOnlyList<Agent> Agents { get; } =
    [
        new("1001", "1001", "Aysel Məmmədova",
        [
            Lang("az", 10), Lang("ru", 8), Lang("en", 7),
            Topic("admission", 8), Topic("employment", 8), Topic("transfers", 8), Topic("recognition", 8), Topic("general", 8),
        ]),
        new("1002", "1002", "Rəşad Əliyev", [Lang("az", 10), Lang("ru", 7), Topic("admission", 9), Topic("transfers", 7), Topic("general", 6)]),
        new("1003", "1003", "Ирина Кузнецова", [Lang("ru", 10), Lang("en", 8), Topic("recognition", 9), Topic("employment", 7), Topic("general", 6)]),
        new("1004", "1004", "Leyla Həsənova", [Lang("az", 9), Topic("employment", 8), Topic("general", 5), Topic("admission", 3)]),
    ];

    /// <summary>
    /// Writes the demo queues and agents (creating or replacing them), linking each agent to the web account of its
    /// extension when <paramref name="accountIdByExtension"/> has one.
    /// </summary>
    public static async Task SeedAsync(
        AcdConfigurationStore store, IReadOnlyDictionary<string, long> accountIdByExtension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(accountIdByExtension);
        foreach (var queue in Queues)
        {
            await store.SaveQueueAsync(queue, active: true, cancellationToken);
        }

        foreach (var agent in Agents)
        {
            long? accountId = accountIdByExtension.TryGetValue(agent.Extension, out var id) ? id : null;
            await store.SaveAgentAsync(agent, accountId, active: true, cancellationToken);
        }
    }

    private static AcdQueue Queue(string id, string name, bool topicRequired) => new()
    {
        Id = id,
        Name = name,
        RequiredSkills = topicRequired ? [new SkillRequirement(SkillNames.Topic(id), TopicProficiency)] : [],
        ServiceLevel = new ServiceLevelTarget(0.8, TimeSpan.FromSeconds(20)),
        RingTimeout = TimeSpan.FromSeconds(15),
        WrapUp = TimeSpan.FromSeconds(10),
        NoAnswerLimit = 3,
        MaxWait = TimeSpan.FromSeconds(300),
        Overflow = OverflowTarget.Callback,
        RelaxationSteps =
        [
            new SkillRelaxationStep(TimeSpan.FromSeconds(60), MaximumRequiredProficiency: Proficiency.Min),
            new SkillRelaxationStep(TimeSpan.FromSeconds(120), LanguageOnly: true),
        ],
    };

    private static AgentSkill Lang(string code, int proficiency) => new(SkillNames.Language(code), proficiency);

    private static AgentSkill Topic(string name, int proficiency) => new(SkillNames.Topic(name), proficiency);
}
