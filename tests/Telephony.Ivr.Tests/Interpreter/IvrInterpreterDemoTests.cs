using Telephony.Ivr.Demo;
using Telephony.Ivr.Hours;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>The demo hotline end to end: language, hours in Asia/Baku, topic queues, after-hours callback and voicemail, survey.</summary>
public sealed class IvrInterpreterDemoTests
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);
    private readonly MenuTree _tree = DemoHotline.LoadTree();

    [Fact]
    public async Task Demo_pressing_2_then_3_hands_the_call_to_the_transfers_queue_in_russian()
    {
        var bed = new IvrTestBed();
        var call = bed.Call().Press("2", "3");

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal(IvrExit.HandedToQueue, outcome.Exit);
        Assert.Equal("queueTransfers", outcome.ExitNode);
        var queue = outcome.Queue!;
        Assert.Equal("transfers", queue.Queue);
        Assert.Equal(["topic:transfers", "lang:ru"], queue.Skills);
        Assert.Equal("transfers", queue.Topic);
        Assert.Equal(Language.Ru, queue.Language);
        Assert.Equal(0, queue.Priority);
        Assert.Equal(TimeSpan.FromSeconds(900), queue.MaxWait);
        Assert.Equal(("callbackOffer", "survey"), (queue.OverflowNode, queue.AfterAgentNode));
        Assert.Equal(["greeting", "language", "hours", "topics", "queueTransfers"], outcome.Path.NodeIds);
        Assert.Contains(InMemoryPromptLibrary.Name("queueTransfers", PromptSlot.Main, Language.Ru), call.Played);
        Assert.Equal(IvrDisposition.Queued, outcome.Disposition);
        Assert.False(call.HungUpByMenu);
    }

    [Theory]
    [InlineData(17, 59, 59, HoursState.Open, "topics")]
    [InlineData(18, 0, 0, HoursState.Closed, "afterHours")]
    public async Task Demo_hours_switch_to_closed_at_exactly_18_00_Baku_time(int hour, int minute, int second, HoursState state, string target)
    {
        var now = new DateTimeOffset(2026, 11, 25, hour, minute, second, Baku);
        var bed = new IvrTestBed(now);

        // Starting at the hours branch evaluates it at the call's first instant, with no prompt time before it.
        var outcome = await bed.RunAsync(bed.Call().Then(CallerAction.HangUp), _tree with { Start = "hours" });

        var evaluated = Assert.Single(outcome.Path.Events.OfType<HoursEvaluated>());
        Assert.Equal(now, evaluated.At);
        Assert.Equal((state, target), (evaluated.State, evaluated.Target));
    }

    [Fact]
    public async Task Demo_hours_follow_the_context_wall_clock_while_event_times_keep_the_interpreter_clock()
    {
        var bed = new IvrTestBed();
        var evening = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        bed.Context = bed.Context with { WallClock = evening };

        var outcome = await bed.RunAsync(bed.Call().Then(CallerAction.HangUp), _tree with { Start = "hours" });

        var evaluated = Assert.Single(outcome.Path.Events.OfType<HoursEvaluated>());
        Assert.Equal((HoursState.Closed, "afterHours"), (evaluated.State, evaluated.Target));
        Assert.Equal(IvrTestBed.WorkingHours, evaluated.At);
    }

    [Fact]
    public async Task Demo_after_hours_goes_through_the_after_hours_message_to_the_callback_offer()
    {
        var outcome = await RunToHoursAsync(new DateTimeOffset(2026, 11, 25, 18, 0, 0, Baku));

        Assert.Equal(HoursState.Closed, outcome.Hours);
        Assert.Equal(["greeting", "language", "hours", "afterHours", "callbackOffer"], outcome.Path.NodeIds);
        Assert.Equal(IvrDisposition.AfterHours, outcome.Disposition);
    }

    [Fact]
    public async Task Demo_on_national_flag_day_takes_the_holiday_branch()
    {
        var outcome = await RunToHoursAsync(new DateTimeOffset(2026, 11, 9, 11, 0, 0, Baku));

        Assert.Equal(HoursState.Holiday, outcome.Hours);
        var evaluated = Assert.Single(outcome.Path.Events.OfType<HoursEvaluated>());
        Assert.Equal("holidayClosed", evaluated.Target);
        Assert.Equal(["greeting", "language", "hours", "holidayClosed", "callbackOffer"], outcome.Path.NodeIds);
    }

    [Fact]
    public async Task Demo_after_hours_callback_confirms_the_callers_number_read_as_digits()
    {
        var bed = new IvrTestBed(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        var call = bed.Call("0501234567").Press("2", "1", "1");

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal(IvrExit.HungUpByMenu, outcome.Exit);
        Assert.Equal("callbackDone", outcome.ExitNode);
        var callback = outcome.Callback!;
        Assert.Equal(("0501234567", true, "general", Language.Ru), (callback.Number, callback.IsCallerNumber, callback.Queue, callback.Language));
        Assert.Equal(["topic:general", "lang:ru"], callback.Skills);
        Assert.Equal(IvrDisposition.CallbackRequested, outcome.Disposition);
        var digits = Ivr.Wording.Wording.Digits("0501234567", Language.Ru).Split(' ').Select(w => InMemoryPromptLibrary.Word(Language.Ru, w));
        var afterPrompt = call.Played.SkipWhile(p => p != InMemoryPromptLibrary.Name("callback", PromptSlot.Main, Language.Ru)).Skip(1);
        Assert.Equal(digits, afterPrompt.Take(10));
    }

    [Fact]
    public async Task Demo_callback_to_another_number_rejects_one_that_fails_the_pattern_then_takes_a_valid_one()
    {
        var bed = new IvrTestBed(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        var call = bed.Call("0501234567").Press("3", "1", "2", "0012025550100", "0551112233");

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal("0551112233", outcome.Callback!.Number);
        Assert.False(outcome.Callback.IsCallerNumber);
        Assert.Equal("0012025550100", Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>()).Input);
        Assert.Contains(InMemoryPromptLibrary.Name("callback", PromptSlot.Invalid, Language.En), call.Played);
        Assert.Equal('#', call.Collections[^1].Terminator);
    }

    [Fact]
    public async Task Demo_callback_with_a_withheld_number_asks_for_one_straight_away()
    {
        var bed = new IvrTestBed(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        var call = bed.Call("anonymous").Press("1", "1", "0551112233");

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal("0551112233", outcome.Callback!.Number);
        Assert.Equal(Language.Az, outcome.Callback.Language);
        Assert.DoesNotContain(InMemoryPromptLibrary.Name("callback", PromptSlot.Main, Language.Az), call.Played);
        Assert.Contains(InMemoryPromptLibrary.Name("callback", PromptSlot.OtherNumber, Language.Az), call.Played);
    }

    [Fact]
    public async Task Demo_after_hours_voicemail_records_to_the_sinks_path_then_hangs_up()
    {
        var bed = new IvrTestBed(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        var call = bed.Call().Press("1", "2").Then(CallerAction.Speak(20));

        var outcome = await bed.RunAsync(call, _tree);

        var (path, options) = Assert.Single(call.Recordings);
        Assert.Equal($"/spool/voicemail/general/{call.Id:N}.wav", path);
        Assert.Equal(TimeSpan.FromSeconds(120), options.MaxDuration);
        Assert.Equal(new VoicemailMessage("general", path, TimeSpan.FromSeconds(20), outcome.Voicemail!.RecordedAt), outcome.Voicemail);
        Assert.Equal("voicemailDone", outcome.ExitNode);
        Assert.Equal(IvrDisposition.VoicemailLeft, outcome.Disposition);
    }

    [Fact]
    public async Task Demo_caller_hanging_up_while_recording_still_leaves_the_message()
    {
        var bed = new IvrTestBed(new DateTimeOffset(2026, 11, 25, 20, 0, 0, Baku));
        var call = bed.Call().Press("1", "2").Then(CallerAction.Speak(7, Calls.Media.RecordEnd.CallEnded));

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal(IvrExit.CallerHungUp, outcome.Exit);
        Assert.Equal("voicemail", outcome.ExitNode);
        Assert.Equal(IvrDisposition.VoicemailLeft, outcome.Disposition);
    }

    [Fact]
    public async Task Demo_language_choice_silence_until_retries_run_out_continues_in_azerbaijani()
    {
        var bed = new IvrTestBed();
        var call = bed.Call().Then(CallerAction.Silence, CallerAction.Silence, CallerAction.Silence).Press("1");

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal(Language.Az, outcome.Language);
        Assert.True(Assert.Single(outcome.Path.Events.OfType<LanguageChosen>()).ByDefault);
        Assert.Equal("queueAdmission", outcome.ExitNode);
        Assert.Equal(["lang:az"], outcome.Queue!.Skills.Where(s => s.StartsWith("lang:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Demo_language_choice_sets_the_language_of_every_later_prompt()
    {
        var bed = new IvrTestBed();
        var call = bed.Call().Press("3", "4");

        await bed.RunAsync(call, _tree);

        Assert.Contains(InMemoryPromptLibrary.Name("topics", PromptSlot.Main, Language.En), call.Played);
        Assert.Contains(InMemoryPromptLibrary.Name("greeting", PromptSlot.Main, Language.Az), call.Played);
        Assert.DoesNotContain(call.Played, p => p.StartsWith("topics.", StringComparison.Ordinal) && !p.Contains(".en@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_caller_hanging_up_during_the_greeting_leaves_at_the_greeting()
    {
        var bed = new IvrTestBed();
        var call = bed.Call().Then(CallerAction.HangUpDuringPlayback);

        var outcome = await bed.RunAsync(call, _tree);

        Assert.Equal((IvrExit.CallerHungUp, "greeting"), (outcome.Exit, outcome.ExitNode));
        Assert.Equal(["greeting"], outcome.Path.NodeIds);
        Assert.Empty(call.Collections);
    }

    private static async Task<IvrOutcome> RunToHoursAsync(DateTimeOffset now)
    {
        var bed = new IvrTestBed(now);
        var call = bed.Call().Press("2").Then(CallerAction.HangUp);
        return await bed.RunAsync(call, DemoHotline.LoadTree());
    }
}
