using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Demo;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;

namespace Telephony.Acd.Store.Tests.Demo;

public sealed class DemoAcdTests
{
    private static readonly string[] Languages = ["az", "ru", "en"];

    private static IEnumerable<QueueNode> TreeQueueNodes() => DemoHotline.LoadTree().Nodes.Values.OfType<QueueNode>();

    [Fact]
    public void Queues_match_the_ivr_demo_tree_and_validate()
    {
        Assert.Equal(DemoHotline.Queues, DemoAcd.QueueIds);
        Assert.Equal(DemoAcd.QueueIds, DemoAcd.Queues.Select(q => q.Id));
        Assert.All(DemoAcd.Queues, q => q.Validate());
        Assert.All(TreeQueueNodes(), node => Assert.Contains(node.Queue, DemoAcd.QueueIds));
    }

    [Fact]
    public void Queues_have_the_agreed_service_settings()
    {
        Assert.All(DemoAcd.Queues, q =>
        {
            Assert.Equal((0.8, TimeSpan.FromSeconds(20)), (q.ServiceLevel.Fraction, q.ServiceLevel.Threshold));
            Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), 3), (q.RingTimeout, q.WrapUp, q.NoAnswerLimit));
            Assert.Equal((TimeSpan.FromSeconds(300), OverflowTarget.Callback), (q.MaxWait, q.Overflow));
            Assert.Equal(
                [new SkillRelaxationStep(TimeSpan.FromSeconds(60), 1), new SkillRelaxationStep(TimeSpan.FromSeconds(120), null, true)],
                q.RelaxationSteps);
        });
        Assert.Empty(DemoAcd.Queues.Single(q => q.Id == "general").RequiredSkills);
        Assert.Equal([new SkillRequirement("topic:transfers", 5)], DemoAcd.Queues.Single(q => q.Id == "transfers").RequiredSkills);
    }

    [Fact]
    public void Agents_have_the_documented_names_and_languages()
    {
        var languages = DemoAcd.Agents.ToDictionary(
            a => a.Extension,
            a => string.Join('+', a.Skills.Select(s => SkillNames.LanguageCode(s.Skill)).OfType<string>()));

        Assert.Equal(new Dictionary<string, string> { ["1001"] = "az+ru+en", ["1002"] = "az+ru", ["1003"] = "ru+en", ["1004"] = "az" }, languages);
        Assert.Equal(["Aysel Məmmədova", "Rəşad Əliyev", "Ирина Кузнецова", "Leyla Həsənova"], DemoAcd.Agents.Select(a => a.Name));
        Assert.All(DemoHotline.Queues.Select(SkillNames.Topic), topic =>
            Assert.Contains(DemoAcd.Agents.Single(a => a.Id == "1001").Skills, s => s.Skill == topic));
    }

    [Fact]
    public void Every_queue_node_in_every_language_has_an_agent_who_meets_it_before_relaxation()
    {
        foreach (var node in TreeQueueNodes())
        {
            var queue = DemoAcd.Queues.Single(q => q.Id == node.Queue);
            foreach (var language in Languages)
            {
                var needs = node.Skills.Select(s => new SkillRequirement(s)).Append(new SkillRequirement(SkillNames.Language(language)))
                    .Concat(queue.RequiredSkills)
                    .GroupBy(r => r.Skill)
                    .Select(g => g.MaxBy(r => r.MinimumProficiency));
                Assert.True(
                    DemoAcd.Agents.Any(a => needs.All(n => a.Skills.Any(s => s.Skill == n.Skill && s.Level >= n.MinimumProficiency))),
                    $"nobody can serve queue {node.Queue} in {language}");
            }
        }
    }

    [Fact]
    public void Engine_with_demo_data_routes_by_language_and_topic_and_relaxes_after_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var engine = new AcdEngine(time);
        foreach (var queue in DemoAcd.Queues)
        {
            engine.AddQueue(queue);
        }

        foreach (var agent in DemoAcd.Agents)
        {
            engine.AddAgent(agent);
        }

        engine.LogIn("1003");
        engine.LogIn("1004");
        SkillRequirement[] russianRecognition = [new("lang:ru"), new("topic:recognition")];
        SkillRequirement[] azerbaijaniAdmission = [new("lang:az"), new("topic:admission")];

        var recognition = engine.Enqueue(new EnqueueRequest("call-ru", "recognition", russianRecognition));
        var admission = engine.Enqueue(new EnqueueRequest("call-az", "admission", azerbaijaniAdmission));

        Assert.Equal([new ReserveAgent("1003", "call-ru")], recognition.Commands.OfType<ReserveAgent>());
        Assert.Empty(admission.Commands.OfType<ReserveAgent>());

        time.Advance(TimeSpan.FromSeconds(60));
        var relaxed = engine.Tick();

        Assert.Equal([new ReserveAgent("1004", "call-az")], relaxed.Commands.OfType<ReserveAgent>());
    }
}
