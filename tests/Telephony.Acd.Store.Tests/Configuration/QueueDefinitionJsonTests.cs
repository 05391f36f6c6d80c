using System.Collections;
using System.Text.Json;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Configuration;

namespace Telephony.Acd.Store.Tests.Configuration;

public sealed class QueueDefinitionJsonTests
{
    /// <summary>A queue where every property differs from its default, so a field the mapping forgets shows.</summary>
    internal static AcdQueue EveryFieldSet(OverflowTarget overflow) => new()
    {
        Id = "transfers",
        Name = "Student transfers",
        RequiredSkills = [new SkillRequirement("topic:transfers", 4), new SkillRequirement("lang:az", 2)],
        Priority = 7,
        ServiceLevel = new ServiceLevelTarget(0.9, TimeSpan.FromSeconds(15.5)),
        MaxWait = TimeSpan.FromSeconds(300),
        MaxLength = 25,
        Overflow = overflow,
        WhenNoAgents = NoAgentsBehavior.Overflow,
        RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(60), 1), new SkillRelaxationStep(TimeSpan.FromSeconds(120), null, LanguageOnly: true)],
        RingTimeout = TimeSpan.FromSeconds(12),
        WrapUp = TimeSpan.FromSeconds(10),
        NoAnswerLimit = 5,
        InitialHandleTime = TimeSpan.FromSeconds(150),
    };

    internal static void AssertSameQueue(AcdQueue expected, AcdQueue actual)
    {
        foreach (var property in typeof(AcdQueue).GetProperties())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (want is IEnumerable wantItems and not string)
            {
                Assert.Equal(wantItems.Cast<object>(), ((IEnumerable)got!).Cast<object>());
            }
            else
            {
                Assert.True(Equals(want, got), $"{property.Name}: expected {want}, got {got}");
            }
        }
    }

    [Fact]
    public void Sample_queue_sets_every_property_away_from_its_default()
    {
        var sample = EveryFieldSet(OverflowTarget.ToQueue("general"));
        var defaults = new AcdQueue { Id = string.Empty, Name = string.Empty };

        foreach (var property in typeof(AcdQueue).GetProperties())
        {
            var value = property.GetValue(sample);
            var fallback = property.GetValue(defaults);
            var same = value is IEnumerable items and not string
                ? items.Cast<object>().SequenceEqual(((IEnumerable)fallback!).Cast<object>())
                : Equals(value, fallback);
            Assert.False(same, $"{property.Name} keeps its default; the round-trip would not prove it is stored");
        }
    }

    [Theory]
    [InlineData("queue")]
    [InlineData("voicemail")]
    [InlineData("callback")]
    public void Write_then_read_keeps_every_field(string overflowKind)
    {
        var overflow = overflowKind switch
        {
            "queue" => OverflowTarget.ToQueue("general"),
            "voicemail" => OverflowTarget.Voicemail,
            _ => OverflowTarget.Callback,
        };
        var queue = EveryFieldSet(overflow);

        var read = QueueDefinitionJson.Read(queue.Id, queue.Name, QueueDefinitionJson.Write(queue));

        AssertSameQueue(queue, read);
    }

    [Fact]
    public void Write_uses_seconds_and_camel_case_names()
    {
        using var json = JsonDocument.Parse(QueueDefinitionJson.Write(EveryFieldSet(OverflowTarget.Callback)));

        Assert.Equal(300, json.RootElement.GetProperty("maxWaitSeconds").GetDouble());
        Assert.Equal("callback", json.RootElement.GetProperty("overflow").GetProperty("kind").GetString());
        Assert.Equal("overflow", json.RootElement.GetProperty("whenNoAgents").GetString());
        Assert.True(json.RootElement.GetProperty("relaxationSteps")[1].GetProperty("languageOnly").GetBoolean());
    }

    [Fact]
    public void Write_then_read_minimal_queue_keeps_nulls()
    {
        var queue = new AcdQueue { Id = "general", Name = "General" };

        var read = QueueDefinitionJson.Read("general", "General", QueueDefinitionJson.Write(queue));

        AssertSameQueue(queue, read);
    }

    [Fact]
    public void Read_unknown_overflow_kind_is_refused_with_the_queue_named()
    {
        var json = QueueDefinitionJson.Write(EveryFieldSet(OverflowTarget.Callback)).Replace("\"callback\"", "\"fax\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => QueueDefinitionJson.Read("transfers", "T", json));

        Assert.Contains("'transfers'", ex.Message, StringComparison.Ordinal);
    }
}
