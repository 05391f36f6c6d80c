using System.Collections.Frozen;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;
using static Telephony.Ivr.Tests.Interpreter.TestTrees;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>Collect-digits nodes (length, pattern, terminator, confirmation, masking) and say nodes.</summary>
public sealed class IvrInterpreterCollectTests
{
    private readonly IvrTestBed _bed = new();

    private static MenuTree Appeal(bool confirm, SayAs sayAs = SayAs.Digits, string? literal = null) => Tree("appeal", new Dictionary<string, IvrNode>
    {
        ["appeal"] = new CollectDigitsNode
        {
            Prompt = Said("enter your appeal number"),
            InvalidPrompt = Said("invalid"),
            Variable = "appealNumber",
            MinLength = 6,
            MaxLength = 8,
            Pattern = "[1-9][0-9]*",
            InterDigitTimeoutSeconds = 4,
            Retries = 2,
            OnRetriesExhausted = "exhausted",
            Confirmation = confirm
                ? new DigitConfirmation { Prompt = Said("you entered"), Instructions = Said("press 1 to confirm, 2 to re-enter") }
                : null,
            Next = "readBack",
        },
        ["readBack"] = new SayNode { As = sayAs, Variable = literal is null ? "appealNumber" : null, Literal = literal, Next = "bye" },
        ["bye"] = Goodbye(),
        ["exhausted"] = Goodbye(),
    });

    [Fact]
    public async Task Collect_asks_with_the_nodes_lengths_timeouts_and_terminator()
    {
        var call = _bed.Call().Press("123456");

        await _bed.RunAsync(call, Appeal(confirm: false));

        var options = call.Collections[0];
        Assert.Equal((8, '#'), (options.MaxDigits, options.Terminator));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4)), (options.FirstDigitTimeout, options.InterDigitTimeout));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0123456")]
    [InlineData("12*456")]
    public async Task Collect_rejects_input_that_is_too_short_or_fails_the_pattern(string bad)
    {
        var call = _bed.Call().Press(bad, "1234567");

        var outcome = await _bed.RunAsync(call, Appeal(confirm: false));

        Assert.Equal(bad, Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>()).Input);
        Assert.Equal("1234567", outcome.Variables["appealNumber"]);
        Assert.Contains(InMemoryPromptLibrary.Name("appeal", PromptSlot.Invalid, Language.Az), call.Played);
    }

    [Fact]
    public async Task Collect_with_confirmation_reads_the_digits_back_and_re_enters_on_2()
    {
        var call = _bed.Call().Press("123456", "2", "654321", "1");

        var outcome = await _bed.RunAsync(call, Appeal(confirm: true));

        Assert.Equal("654321", outcome.Variables["appealNumber"]);
        var collected = Assert.Single(outcome.Path.Events.OfType<DigitsCollected>());
        Assert.Equal(("appealNumber", "654321", true), (collected.Variable, collected.Digits, collected.Confirmed));
        var readBack = call.Played.SkipWhile(p => p != InMemoryPromptLibrary.Name("appeal", PromptSlot.ConfirmationPrompt, Language.Az)).Skip(1).Take(7);
        Assert.Equal(
            [.. "bir iki üç dörd beş altı".Split(' ').Select(w => InMemoryPromptLibrary.Word(Language.Az, w)), InMemoryPromptLibrary.Name("appeal", PromptSlot.ConfirmationInstructions, Language.Az)],
            readBack);
        Assert.Equal(0, outcome.Path.Retries);
    }

    [Fact]
    public async Task Collect_confirmation_shares_the_nodes_retries()
    {
        var call = _bed.Call().Press("123456", "5", "7", "9");

        var outcome = await _bed.RunAsync(call, Appeal(confirm: true));

        Assert.Equal("exhausted", outcome.ExitNode);
        Assert.False(outcome.Variables.ContainsKey("appealNumber"));
    }

    [Fact]
    public async Task Collect_of_a_sensitive_variable_masks_digits_in_the_path_but_keeps_the_value()
    {
        _bed.Context = _bed.Context with { SensitiveVariables = new[] { "appealNumber" }.ToFrozenSet() };
        var call = _bed.Call().Press("99", "1234567");

        var outcome = await _bed.RunAsync(call, Appeal(confirm: false));

        Assert.Equal("**", Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>()).Input);
        Assert.Equal("*******", Assert.Single(outcome.Path.Events.OfType<DigitsCollected>()).Digits);
        Assert.Equal("1234567", outcome.Variables["appealNumber"]);
    }

    [Fact]
    public async Task Say_reads_a_collected_variable_as_digits_in_the_callers_language()
    {
        var call = _bed.Call().Press("1234567");

        await _bed.RunAsync(call, Appeal(confirm: false));

        var spoken = call.Played.Where(p => p.StartsWith("say.", StringComparison.Ordinal));
        Assert.Equal("bir iki üç dörd beş altı yeddi".Split(' ').Select(w => InMemoryPromptLibrary.Word(Language.Az, w)), spoken);
    }

    [Theory]
    [InlineData(SayAs.Number, "21", Language.Ru, "двадцать один")]
    [InlineData(SayAs.Minutes, "3", Language.Ru, "три минуты")]
    [InlineData(SayAs.Time, "18:30", Language.En, "six thirty p.m.")]
    [InlineData(SayAs.Date, "2026-11-23", Language.En, "November twenty-third")]
    public async Task Say_speaks_a_literal_as_its_kind(SayAs kind, string literal, Language language, string words)
    {
        var tree = Tree("pick", new Dictionary<string, IvrNode>
        {
            ["pick"] = new LanguageChoiceNode { Prompt = Said("language"), Options = new Dictionary<string, Language> { ["1"] = language }, Next = "say" },
            ["say"] = new SayNode { As = kind, Literal = literal, Next = "bye" },
            ["bye"] = Goodbye(),
        });
        var call = _bed.Call().Press("1");

        await _bed.RunAsync(call, tree);

        Assert.Equal(words.Split(' ').Select(w => InMemoryPromptLibrary.Word(language, w)), call.Played.Where(p => p.StartsWith("say.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Say_of_a_missing_variable_is_skipped_and_the_call_goes_on()
    {
        var tree = Tree("say", new Dictionary<string, IvrNode>
        {
            ["say"] = new SayNode { As = SayAs.Number, Variable = IvrVariables.QueuePosition, Next = "bye" },
            ["bye"] = Goodbye(),
        });
        var call = _bed.Call();

        var outcome = await _bed.RunAsync(call, tree);

        Assert.Equal("bye", outcome.ExitNode);
        Assert.DoesNotContain(call.Played, p => p.StartsWith("say.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Say_reads_the_host_given_queue_position()
    {
        _bed.Context = _bed.Context with { Variables = new Dictionary<string, string> { [IvrVariables.QueuePosition] = "3" } };
        var tree = Tree("say", new Dictionary<string, IvrNode>
        {
            ["say"] = new SayNode { As = SayAs.Number, Variable = IvrVariables.QueuePosition, Next = "bye" },
            ["bye"] = Goodbye(),
        });
        var call = _bed.Call();

        await _bed.RunAsync(call, tree);

        Assert.Contains(InMemoryPromptLibrary.Word(Language.Az, "üç"), call.Played);
    }
}
