using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;
using Telephony.Ivr.Demo;

namespace Telephony.Host.Acd;

/// <summary>
/// The demo hotline's ACD: a queue per topic (callers bring their language), agents 1001–1004 with the documented
/// skills (1001 az+ru+en, 1002 az+ru, 1003 ru+en, 1004 az; every topic), all available from the start.
/// </summary>
public static class DemoAcdConfiguration
{
    public static AcdConfiguration Create()
    {
        var queues = DemoHotline.Queues.Select(queue => new AcdQueue
        {
            Id = queue,
            Name = queue,
            RequiredSkills = [new SkillRequirement("topic:" + queue)],
            MaxWait = TimeSpan.FromMinutes(15),
            Overflow = OverflowTarget.Callback,
            WrapUp = TimeSpan.FromSeconds(10),
        }).ToArray();
        Agent[] agents =
        [
            Demo("1001", "az", "ru", "en"),
            Demo("1002", "az", "ru"),
            Demo("1003", "ru", "en"),
            Demo("1004", "az"),
        ];
        return new AcdConfiguration(queues, agents) { InitiallyAvailable = [.. agents.Select(agent => agent.Extension)] };
    }

    private static Agent Demo(string extension, params string[] languages) => new(
        extension,
        extension,
        "Demo agent " + extension,
        [.. languages.Select(language => new AgentSkill("lang:" + language, 5)), .. DemoHotline.Queues.Select(queue => new AgentSkill("topic:" + queue, 5))]);
}
