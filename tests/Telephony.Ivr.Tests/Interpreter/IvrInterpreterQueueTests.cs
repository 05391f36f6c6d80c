using Telephony.Ivr.Demo;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>Handing a call to the ACD and taking it back: the survey after the agent, the overflow after the maximum wait, and the tree version kept throughout.</summary>
public sealed class IvrInterpreterQueueTests
{
    private readonly IvrTestBed _bed = new();
    private readonly MenuTree _tree = DemoHotline.LoadTree();

    [Fact]
    public async Task Resume_after_agent_runs_the_survey_and_keeps_one_path()
    {
        var call = _bed.Call().Press("2", "3");
        var queued = await _bed.RunAsync(call, _tree);
        call.AgentLeft();
        call.Press("4");

        var outcome = await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        Assert.Equal(IvrExit.HungUpByMenu, outcome.Exit);
        Assert.Equal("goodbye", outcome.ExitNode);
        Assert.Equal(4, outcome.SurveyScores["post-call"]);
        Assert.Equal(["greeting", "language", "hours", "topics", "queueTransfers", "survey", "goodbye"], outcome.Path.NodeIds);
        Assert.Equal([IvrExit.HandedToQueue, IvrExit.HungUpByMenu], outcome.Path.Events.OfType<MenuExited>().Select(e => e.Exit));
        Assert.Contains(InMemoryPromptLibrary.Name("survey", PromptSlot.Main, Language.Ru), call.Played);
        Assert.Equal("transfers", outcome.Queue!.Queue);
        Assert.Equal(IvrDisposition.Queued, outcome.Disposition);
    }

    [Fact]
    public async Task Survey_rejects_a_score_outside_1_to_5_and_asks_again()
    {
        var call = _bed.Call().Press("2", "3");
        var queued = await _bed.RunAsync(call, _tree);
        call.AgentLeft();
        call.Press("7", "5");

        var outcome = await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        Assert.Equal(5, outcome.SurveyScores["post-call"]);
        Assert.Equal("7", Assert.Single(outcome.Path.Events.OfType<MenuInputRejected>()).Input);
    }

    [Fact]
    public async Task Resume_at_overflow_takes_the_caller_to_the_callback_offer()
    {
        var call = _bed.Call().Press("1", "1");
        var queued = await _bed.RunAsync(call, _tree);
        call.Press("9");

        var outcome = await _bed.Interpreter.ResumeAtOverflowAsync(queued, CancellationToken.None);

        Assert.Equal(["queueAdmission", "callbackOffer", "goodbye"], outcome.Path.NodeIds.TakeLast(3));
    }

    [Fact]
    public async Task Resume_after_agent_without_an_after_agent_node_hangs_up_at_the_queue()
    {
        var tree = _tree with
        {
            Nodes = new Dictionary<string, IvrNode>(_tree.Nodes) { ["queueTransfers"] = ((QueueNode)_tree.Nodes["queueTransfers"]) with { AfterAgent = null } },
        };
        var call = _bed.Call().Press("2", "3");
        var queued = await _bed.RunAsync(call, tree);
        call.AgentLeft();

        var outcome = await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        Assert.Equal((IvrExit.HungUpByMenu, "queueTransfers"), (outcome.Exit, outcome.ExitNode));
        Assert.True(call.HungUpByMenu);
    }

    [Fact]
    public async Task Resume_twice_is_refused()
    {
        var call = _bed.Call().Press("2", "3");
        var queued = await _bed.RunAsync(call, _tree);
        call.AgentLeft();
        call.Press("4");
        await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None));
    }

    [Fact]
    public async Task Resume_of_a_call_that_did_not_reach_a_queue_is_refused()
    {
        var finished = await _bed.RunAsync(_bed.Call().Press("2").Then(CallerAction.HangUp), _tree);

        await Assert.ThrowsAsync<ArgumentException>(() => _bed.Interpreter.ResumeAfterAgentAsync(finished, CancellationToken.None));
    }

    [Fact]
    public async Task Resume_on_another_interpreter_is_refused()
    {
        var queued = await _bed.RunAsync(_bed.Call().Press("2", "3"), _tree);

        await Assert.ThrowsAsync<ArgumentException>(() => new IvrTestBed().Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None));
    }

    [Fact]
    public async Task Call_keeps_its_tree_version_while_a_newer_version_is_published()
    {
        var first = _bed.Call().Press("2", "3");
        var queued = await _bed.RunAsync(first, _tree);
        var republished = _tree with
        {
            Version = 2,
            Nodes = new Dictionary<string, IvrNode>(_tree.Nodes) { ["survey"] = new HangupNode { Prompt = _tree.Nodes["goodbye"].Prompt } },
        };
        var second = _bed.Call().Press("2", "3");
        var queuedOnNewVersion = await _bed.RunAsync(second, republished);
        first.AgentLeft();
        first.Press("5");

        var outcome = await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        Assert.Equal((1, 2), (outcome.Path.TreeVersion, queuedOnNewVersion.Path.TreeVersion));
        Assert.Equal(5, outcome.SurveyScores["post-call"]);
        Assert.Contains(InMemoryPromptLibrary.Name("survey", PromptSlot.Main, Language.Ru, version: 1), first.Played);
        Assert.All(first.Played.Where(p => p.Contains('@', StringComparison.Ordinal)), p => Assert.EndsWith("@v1", p, StringComparison.Ordinal));
        Assert.All(second.Played.Where(p => p.Contains('@', StringComparison.Ordinal)), p => Assert.EndsWith("@v2", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_prompt_is_not_interruptible_and_a_key_typed_before_it_is_dropped()
    {
        var tree = TestTrees.Tree("hello", new Dictionary<string, IvrNode>
        {
            ["hello"] = new PlayMessageNode { Prompt = TestTrees.Said("hello"), Next = "queue" },
            ["queue"] = new QueueNode { Prompt = TestTrees.Said("hold on"), Queue = "general", Priority = 5, LanguageSkill = false, AfterAgent = "survey" },
            ["survey"] = new SurveyNode { Prompt = TestTrees.Said("rate us"), SurveyId = "s", Next = "bye" },
            ["bye"] = TestTrees.Goodbye(),
        });
        var call = _bed.Call().Then(CallerAction.BargeIn('3'));
        var queued = await _bed.RunAsync(call, tree);
        call.AgentLeft();
        call.Press("2");

        var outcome = await _bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None);

        Assert.Equal((5, null), (queued.Queue!.Priority, queued.Queue.Topic));
        Assert.Empty(queued.Queue.Skills);
        Assert.Null(call.Collections[0].AlreadyPressed);
        Assert.Equal(2, outcome.SurveyScores["s"]);
    }
}
