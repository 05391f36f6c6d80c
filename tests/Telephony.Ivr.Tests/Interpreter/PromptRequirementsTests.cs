using Telephony.Ivr.Demo;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

public sealed class PromptRequirementsTests
{
    private readonly MenuTree _tree = DemoHotline.LoadTree();

    [Fact]
    public void Prompts_list_every_slot_of_the_demo_tree_in_every_language()
    {
        var prompts = PromptRequirements.Prompts(_tree, 7).ToList();

        Assert.All(prompts, p => Assert.Equal(("edu-hotline", 7), (p.Key.TreeId, p.Key.TreeVersion)));
        foreach (var language in _tree.Languages)
        {
            Assert.Contains(prompts, p => p.Key == new PromptKey("edu-hotline", 7, "topics", PromptSlot.Timeout) && p.Language == language);
            Assert.Contains(prompts, p => p.Key == new PromptKey("edu-hotline", 7, "callback", PromptSlot.OtherNumber) && p.Language == language);
        }

        Assert.DoesNotContain(prompts, p => p.Key.NodeId == "hours");
    }

    [Fact]
    public void Texts_include_prompt_texts_and_number_fragments_of_each_language()
    {
        var texts = PromptRequirements.Texts(_tree, 1);

        Assert.Contains((Language.Ru, "Такого пункта в меню нет."), texts);
        Assert.Contains((Language.Ru, "девятьсот"), texts);
        Assert.Contains((Language.Az, "sıfır"), texts);
        Assert.Contains((Language.En, "minutes"), texts);
    }

    [Theory]
    [InlineData(Language.Az)]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void Fragments_cover_every_word_of_values_a_call_may_speak(Language language)
    {
        var fragments = PromptRequirements.Fragments(language);
        var random = new Random(20261127);
        var values = new List<SpokenValue>();
        for (var i = 0; i < 500; i++)
        {
            values.Add(new SpokenValue(SayAs.Number, random.NextInt64(0, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), (Gender)random.Next(3)));
            values.Add(new SpokenValue(SayAs.Minutes, random.Next(0, PromptRequirements.MaxMinutes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            values.Add(new SpokenValue(SayAs.Date, new DateOnly(2027, 1, 1).AddDays(random.Next(365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            values.Add(new SpokenValue(SayAs.Time, new TimeOnly(random.Next(24), random.Next(60)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }

        values.Add(new SpokenValue(SayAs.Digits, "+994*0123456789#"));

        foreach (var value in values)
        {
            Assert.All(PromptRequirements.SplitWords(value.Words(language)), word => Assert.Contains(word, fragments));
        }
    }

    [Theory]
    [InlineData(SayAs.Number, "12a")]
    [InlineData(SayAs.Minutes, "-3")]
    [InlineData(SayAs.Date, "2026-13-01")]
    [InlineData(SayAs.Time, "25:00")]
    [InlineData(SayAs.Digits, "12 34")]
    [InlineData(SayAs.Digits, "")]
    public void Spoken_value_of_the_wrong_form_is_not_created(SayAs kind, string value)
    {
        Assert.Null(SpokenValue.TryCreate(kind, value));
    }
}
