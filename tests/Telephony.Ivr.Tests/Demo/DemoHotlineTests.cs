using System.Text.RegularExpressions;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Tests.Demo;

public sealed partial class DemoHotlineTests
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);
    private readonly MenuTree _tree = DemoHotline.LoadTree();

    [Fact]
    public void Demo_tree_passes_validation_with_demo_queues_skills_and_holidays()
    {
        var faults = new MenuTreeValidator(DemoHotline.ValidationContext()).Validate(_tree);

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
    }

    [Fact]
    public void Demo_tree_always_open_variant_passes_validation_and_is_open_on_a_holiday_night()
    {
        var tree = DemoHotline.LoadTree(alwaysOpen: true);
        var evaluator = new HoursEvaluator(tree.Schedules[DemoHotline.ScheduleId], DemoHotline.ValidationContext().HolidayCalendars);

        Assert.Empty(new MenuTreeValidator(DemoHotline.ValidationContext()).Validate(tree));
        Assert.Equal(HoursState.Open, evaluator.Evaluate(new DateTimeOffset(2026, 3, 22, 3, 0, 0, Baku)).State);
        Assert.Equal(HoursState.Open, evaluator.Evaluate(new DateTimeOffset(2026, 3, 22, 23, 59, 59, Baku)).State);
    }

    [Fact]
    public void Demo_tree_greets_then_offers_az_ru_en_on_keys_1_2_3()
    {
        var greeting = Assert.IsType<PlayMessageNode>(_tree.Nodes[_tree.Start]);
        var choice = Assert.IsType<LanguageChoiceNode>(_tree.Nodes[greeting.Next]);

        Assert.Equal([Language.Az, Language.Ru, Language.En], _tree.Languages);
        Assert.Equal(Language.Az, _tree.DefaultLanguage);
        Assert.Equal(Language.Az, choice.Options["1"]);
        Assert.Equal(Language.Ru, choice.Options["2"]);
        Assert.Equal(Language.En, choice.Options["3"]);
    }

    [Theory]
    [InlineData("1", "admission")]
    [InlineData("2", "employment")]
    [InlineData("3", "transfers")]
    [InlineData("4", "recognition")]
    [InlineData("0", "general")]
    public void Demo_topic_key_leads_to_its_queue_requiring_topic_and_caller_language(string key, string topic)
    {
        var topics = TopicMenu();
        var target = key == MenuNode.OperatorKey ? topics.OperatorTarget! : topics.Options[key];

        var queue = Assert.IsType<QueueNode>(_tree.Nodes[target]);

        Assert.Equal(topic, queue.Queue);
        Assert.Equal(["topic:" + topic], queue.Skills);
        Assert.True(queue.LanguageSkill);
    }

    [Theory]
    [InlineData(2026, 11, 23, 10, 0, "topics")]
    [InlineData(2026, 11, 23, 18, 0, "afterHours")]
    [InlineData(2026, 11, 28, 12, 0, "afterHours")]
    [InlineData(2026, 3, 23, 12, 0, "holidayClosed")]
    [InlineData(2026, 11, 10, 12, 0, "holidayClosed")]
    public void Demo_hours_branch_routes_by_baku_hours_and_republic_holidays(int year, int month, int day, int hour, int minute, string expected)
    {
        var branch = Assert.IsType<HoursBranchNode>(_tree.Nodes["hours"]);
        var evaluator = new HoursEvaluator(_tree.Schedules[branch.Schedule], DemoHotline.ValidationContext().HolidayCalendars);

        var state = evaluator.Evaluate(new DateTimeOffset(year, month, day, hour, minute, 0, Baku)).State;
        var target = state switch
        {
            HoursState.Open => branch.Open,
            HoursState.Holiday => branch.Holiday ?? branch.Closed,
            _ => branch.Closed,
        };

        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("afterHours")]
    [InlineData("holidayClosed")]
    public void Demo_closed_message_leads_to_a_callback_offer(string messageId)
    {
        var message = Assert.IsType<PlayMessageNode>(_tree.Nodes[messageId]);
        var offer = Assert.IsType<MenuNode>(_tree.Nodes[message.Next]);

        Assert.IsType<CallbackRequestNode>(_tree.Nodes[offer.Options["1"]]);
    }

    [Fact]
    public void Demo_prompts_are_written_in_their_own_script()
    {
        // The language choice speaks all three languages at once, so it is the one mixed prompt.
        var prompts = _tree.Nodes.Where(n => n.Value is not LanguageChoiceNode)
            .SelectMany(n => n.Value.ExtraPrompts().Append(new("prompt", n.Value.Prompt)).Select(p => (Node: n.Key, Prompt: p.Value)))
            .Where(p => p.Prompt.Count > 0)
            .ToList();

        Assert.NotEmpty(prompts);
        Assert.All(prompts, p =>
        {
            Assert.False(Cyrillic().IsMatch(p.Prompt[Language.Az].Text!), $"{p.Node}: Azerbaijani text has Cyrillic letters");
            Assert.False(Latin().IsMatch(p.Prompt[Language.Ru].Text!), $"{p.Node}: Russian text has Latin letters");
            Assert.False(Cyrillic().IsMatch(p.Prompt[Language.En].Text!), $"{p.Node}: English text has Cyrillic letters");
        });
        Assert.All(prompts.Where(p => p.Prompt[Language.Az].Text!.Length > 40), p =>
            Assert.Matches("[əğıöüşç]", p.Prompt[Language.Az].Text!));
    }

    [Fact]
    public void Demo_queues_and_skills_match_the_agreed_names()
    {
        Assert.Equal(["admission", "employment", "transfers", "recognition", "general"], DemoHotline.Queues);
        Assert.Contains("lang:az", DemoHotline.Skills);
        Assert.Contains("lang:ru", DemoHotline.Skills);
        Assert.Contains("lang:en", DemoHotline.Skills);
        Assert.Contains("topic:recognition", DemoHotline.Skills);
    }

    private MenuNode TopicMenu() => Assert.IsType<MenuNode>(_tree.Nodes["topics"]);

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();
}
