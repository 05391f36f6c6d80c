using Telephony.Ivr.Hours;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;
using static Telephony.Ivr.Tests.Interpreter.TestTrees;

namespace Telephony.Ivr.Tests.Interpreter;

public sealed class IvrInterpreterMenuTests
{
    private readonly IvrTestBed _bed = new();

    private static string MainPrompt(PromptSlot slot = PromptSlot.Main) => InMemoryPromptLibrary.Name("main", slot, Language.Az);

    [Fact]
    public async Task Menu_option_key_goes_to_its_target_and_the_path_records_it()
    {
        var call = _bed.Call().Press("2");

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal(IvrExit.HungUpByMenu, outcome.Exit);
        Assert.Equal("a", outcome.ExitNode);
        Assert.Equal(["main", "a"], outcome.Path.NodeIds);
        var chosen = Assert.Single(outcome.Path.Events.OfType<MenuOptionChosen>());
        Assert.Equal(("2", "a"), (chosen.Key, chosen.Target));
        Assert.True(call.HungUpByMenu);
        Assert.True(call.WasAnswered);
    }

    [Fact]
    public async Task Menu_star_repeats_the_prompt_without_using_a_retry()
    {
        var call = _bed.Call().Press("*", "*", "*", "2");

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal("a", outcome.ExitNode);
        Assert.Equal(4, call.Played.Count(p => p == MainPrompt()));
        Assert.Equal(3, outcome.Path.Events.OfType<MenuPromptRepeated>().Count());
        Assert.Equal(0, outcome.Path.Retries);
    }

    [Fact]
    public async Task Menu_zero_goes_to_the_operator_target()
    {
        var outcome = await _bed.RunAsync(_bed.Call().Press("0"), Menus());

        Assert.Equal("operator", outcome.ExitNode);
    }

    [Fact]
    public async Task Menu_hash_goes_to_the_back_target()
    {
        var outcome = await _bed.RunAsync(_bed.Call().Press("#"), Menus());

        Assert.Equal("back", outcome.ExitNode);
    }

    [Fact]
    public async Task Menu_hash_without_back_target_returns_to_the_previous_menu()
    {
        var call = _bed.Call().Press("1", "#", "2");

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal(["main", "sub", "main", "a"], outcome.Path.NodeIds);
    }

    [Fact]
    public async Task Menu_hash_on_the_first_menu_without_back_target_is_invalid()
    {
        var outcome = await _bed.RunAsync(_bed.Call().Press("#", "2"), Menus(backTarget: null));

        Assert.Equal("a", outcome.ExitNode);
        Assert.Equal("#", Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>()).Input);
    }

    [Fact]
    public async Task Menu_invalid_key_says_the_invalid_prompt_then_asks_again()
    {
        var call = _bed.Call().Press("7", "2");

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal("a", outcome.ExitNode);
        Assert.Equal([MainPrompt(), MainPrompt(PromptSlot.Invalid), MainPrompt()], call.Played.Take(3));
        var rejected = Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>());
        Assert.Equal(("7", 1), (rejected.Input, rejected.Attempt));
    }

    [Fact]
    public async Task Menu_silence_says_the_timeout_prompt_after_the_nodes_timeout_then_asks_again()
    {
        var call = _bed.Call().Then(CallerAction.Silence).Press("2");
        var started = _bed.Time.GetUtcNow();

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal([MainPrompt(), MainPrompt(PromptSlot.Timeout), MainPrompt()], call.Played.Take(3));
        Assert.Equal(TimeSpan.FromSeconds(IvrNode.DefaultTimeoutSeconds), call.Collections[0].FirstDigitTimeout);
        var timedOut = Assert.Single(outcome.Path.Events.OfType<MenuInputTimedOut>());
        Assert.True(timedOut.At - started >= TimeSpan.FromSeconds(IvrNode.DefaultTimeoutSeconds));
    }

    [Fact]
    public async Task Menu_retries_exhausted_goes_to_on_retries_exhausted()
    {
        var call = _bed.Call().Then(CallerAction.Silence).Press("7").Then(CallerAction.Silence);

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal("exhausted", outcome.ExitNode);
        Assert.Equal(3, outcome.Path.Retries);
        Assert.Equal("exhausted", Assert.Single(outcome.Path.Events.OfType<MenuRetriesExhausted>()).Target);
        Assert.True(call.ScriptDone);
    }

    [Fact]
    public async Task Menu_retries_exhausted_without_target_hangs_up_at_the_menu()
    {
        var call = _bed.Call().Press("7", "7", "7");

        var outcome = await _bed.RunAsync(call, Menus(onRetriesExhausted: null));

        Assert.Equal(IvrExit.HungUpByMenu, outcome.Exit);
        Assert.Equal("main", outcome.ExitNode);
        Assert.True(call.HungUpByMenu);
    }

    [Fact]
    public async Task Caller_hanging_up_in_a_menu_leaves_at_that_menu()
    {
        var call = _bed.Call().Press("1").Then(CallerAction.HangUp);

        var outcome = await _bed.RunAsync(call, Menus());

        Assert.Equal(IvrExit.CallerHungUp, outcome.Exit);
        Assert.Equal("sub", outcome.ExitNode);
        Assert.Equal(IvrDisposition.AbandonedInMenu, outcome.Disposition);
        Assert.False(call.HungUpByMenu);
    }

    [Fact]
    public async Task Key_pressed_during_a_message_answers_the_next_menu()
    {
        var tree = Tree("hello", new Dictionary<string, IvrNode>
        {
            ["hello"] = new PlayMessageNode { Prompt = Said("hello"), Next = "goTo" },
            ["goTo"] = new GoToNode { Target = "main" },
            ["main"] = Menus().Nodes["main"],
            ["sub"] = Menus().Nodes["sub"],
            ["a"] = Goodbye(), ["operator"] = Goodbye(), ["back"] = Goodbye(), ["exhausted"] = Goodbye(),
        });
        var call = _bed.Call().Then(CallerAction.BargeIn('2'));

        var outcome = await _bed.RunAsync(call, tree);

        Assert.Equal(["hello", "goTo", "main", "a"], outcome.Path.NodeIds);
        Assert.Equal('2', call.Collections[0].AlreadyPressed);
        Assert.DoesNotContain(MainPrompt(), call.Played);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_menu_without_hanging_up()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var outcome = await _bed.Interpreter.RunAsync(_bed.Call(), Menus(), 1, _bed.Context, stop.Token);

        Assert.Equal(IvrExit.Stopped, outcome.Exit);
        Assert.Equal(IvrDisposition.Failed, outcome.Disposition);
    }

    [Fact]
    public async Task Missing_node_is_a_menu_fault_and_the_menu_hangs_up()
    {
        var tree = Tree("hello", new Dictionary<string, IvrNode> { ["hello"] = new GoToNode { Target = "nowhere" } });
        var call = _bed.Call();

        var outcome = await _bed.RunAsync(call, tree);

        Assert.Equal(IvrExit.MenuFault, outcome.Exit);
        Assert.Equal("nowhere", outcome.ExitNode);
        Assert.True(call.HungUpByMenu);
    }

    [Theory]
    [InlineData("missing", "az-public")]
    [InlineData("office", "no-such-calendar")]
    public async Task Hours_branch_that_cannot_be_evaluated_is_a_menu_fault_and_the_menu_hangs_up(string scheduleId, string calendarId)
    {
        var schedule = new HoursSchedule
        {
            TimeZone = "Asia/Baku",
            Weekly = [new WeeklyHours { Days = [DayOfWeek.Monday], Open = new TimeOnly(9, 0), Close = new TimeOnly(18, 0) }],
            HolidayCalendars = [calendarId],
        };
        var tree = Tree("hours", new Dictionary<string, IvrNode>
        {
            ["hours"] = new HoursBranchNode { Schedule = scheduleId, Open = "bye", Closed = "bye" },
            ["bye"] = Goodbye(),
        }) with { Schedules = new Dictionary<string, HoursSchedule> { ["office"] = schedule } };
        var call = _bed.Call();

        var outcome = await _bed.RunAsync(call, tree);

        Assert.Equal((IvrExit.MenuFault, "hours"), (outcome.Exit, outcome.ExitNode));
        Assert.True(call.HungUpByMenu);
    }
}
