using Telephony.Ivr.Model;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Tests.Validation;

public sealed class MenuTreeValidatorTests
{
    private readonly MenuTree _tree = ValidTree.Tree;

    [Fact]
    public void Validate_tree_using_every_node_kind_correctly_has_no_fault()
    {
        var faults = ValidTree.Validate(_tree);

        Assert.Empty(faults);
    }

    [Fact]
    public void Validate_missing_start_node_is_reported()
    {
        var fault = Assert.Single(ValidTree.Validate(_tree with { Start = "nowhere" }), f => f.Kind == FaultKind.MissingStartNode);

        Assert.Contains("nowhere", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_default_language_not_enabled_is_reported()
    {
        var fault = Assert.Single(ValidTree.Validate(_tree with { DefaultLanguage = Language.En }));

        Assert.Equal((FaultKind.InvalidTree, Language.En), (fault.Kind, fault.Language));
    }

    [Fact]
    public void Validate_target_missing_names_node_and_link()
    {
        var menu = _tree.Node<MenuNode>("menu");
        var tree = _tree.WithNode("menu", menu with { Options = new Dictionary<string, string>(menu.Options) { ["4"] = "ghost" } });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.MissingTarget, "menu"), (fault.Kind, fault.NodeId));
        Assert.Contains("option 4", fault.Message, StringComparison.Ordinal);
        Assert.Contains("ghost", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_node_without_path_from_start_is_unreachable()
    {
        var tree = _tree.WithNode("orphan", new HangupNode());

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.UnreachableNode, "orphan"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_prompt_missing_in_one_language_names_that_language()
    {
        var message = _tree.Node<PlayMessageNode>("closedMessage");
        var tree = _tree.WithNode("closedMessage", message with
        {
            Prompt = new Dictionary<Language, PromptContent> { [Language.Az] = new() { Text = "Bağlıdır" }, [Language.Ru] = new() { Text = " " } },
        });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.MissingPrompt, "closedMessage", Language.Ru), (fault.Kind, fault.NodeId, fault.Language));
    }

    [Fact]
    public void Validate_invalid_prompt_missing_in_a_language_is_reported()
    {
        var menu = _tree.Node<MenuNode>("menu");
        var tree = _tree.WithNode("menu", menu with
        {
            InvalidPrompt = new Dictionary<Language, PromptContent> { [Language.Az] = new() { Text = "Yanlış" } },
        });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.MissingPrompt, "menu", Language.Ru), (fault.Kind, fault.NodeId, fault.Language));
        Assert.Contains("invalidPrompt", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_play_goto_play_cycle_is_a_loop_without_input()
    {
        var tree = _tree
            .WithNode("closedMessage", _tree.Node<PlayMessageNode>("closedMessage") with { Next = "again" })
            .WithNode("again", new GoToNode { Target = "closedMessage" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.LoopWithoutInput, fault.Kind);
        Assert.Contains("'again'", fault.Message, StringComparison.Ordinal);
        Assert.Contains("'closedMessage'", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_goto_to_itself_is_a_loop_without_input()
    {
        var tree = _tree.WithNode("jump", new GoToNode { Target = "jump" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.LoopWithoutInput, "jump"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_cycle_through_a_menu_is_not_a_loop_without_input()
    {
        // menu → jump (goTo) → menu: the menu waits for keys on every pass.
        Assert.DoesNotContain(ValidTree.Validate(_tree), f => f.Kind == FaultKind.LoopWithoutInput);
        Assert.Equal("menu", _tree.Node<GoToNode>("jump").Target);
    }

    [Fact]
    public void Validate_queue_overflow_message_back_to_queue_is_a_loop_without_input()
    {
        var tree = _tree
            .WithNode("queue", _tree.Node<QueueNode>("queue") with { Overflow = "stillBusy" })
            .WithNode("stillBusy", new PlayMessageNode { Prompt = ValidTree.Prompt("Gözləyin", "Ожидайте"), Next = "queue" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.LoopWithoutInput, fault.Kind);
    }

    [Fact]
    public void Validate_queue_overflow_to_menu_returning_to_queue_is_allowed()
    {
        var tree = _tree.WithNode("offer", _tree.Node<MenuNode>("offer") with { OnRetriesExhausted = "queue" });

        Assert.Empty(ValidTree.Validate(tree));
    }

    [Fact]
    public void Validate_unknown_queue_is_reported()
    {
        var tree = _tree.WithNode("queue", _tree.Node<QueueNode>("queue") with { Queue = "nope" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.UnknownQueue, "queue"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_unknown_topic_skill_is_reported()
    {
        var tree = _tree.WithNode("queue", _tree.Node<QueueNode>("queue") with { Skills = ["topic:astrology"] });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.UnknownSkill, fault.Kind);
        Assert.Contains("topic:astrology", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_missing_language_skill_names_the_language_for_queue_and_callback()
    {
        var context = ValidTree.Context with { Skills = ["topic:general", "lang:az"] };

        var faults = ValidTree.Validate(_tree, context);

        Assert.Equal(2, faults.Count);
        Assert.All(faults, f => Assert.Equal((FaultKind.UnknownSkill, Language.Ru), (f.Kind, f.Language)));
        Assert.Equal(["callback", "queue"], faults.Select(f => f.NodeId));
    }

    [Fact]
    public void Validate_transfer_to_number_off_the_allowlist_is_reported()
    {
        var tree = _tree.WithNode("transfer", _tree.Node<TransferNode>("transfer") with { Number = "+881612345678" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.TransferNotAllowed, "transfer"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_transfer_allowed_by_configuration_allowlist_passes()
    {
        var tree = _tree.WithNode("transfer", _tree.Node<TransferNode>("transfer") with { Number = "+994125550000" });

        Assert.Empty(ValidTree.Validate(tree, ValidTree.Context with { TransferAllowlist = ["+994125550000"] }));
    }

    [Theory]
    [InlineData("{appealNumber}")]
    [InlineData("994124000000")]
    public void Validate_transfer_number_not_in_e164_form_is_reported(string number)
    {
        var tree = _tree with { TransferAllowlist = [number] };
        tree = tree.WithNode("transfer", tree.Node<TransferNode>("transfer") with { Number = number });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.TransferNotAllowed, fault.Kind);
        Assert.Contains("E.164", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_collect_digits_pattern_that_does_not_compile_is_reported()
    {
        var tree = _tree.WithNode("appeal", _tree.Node<CollectDigitsNode>("appeal") with { Pattern = "^[0-9+$" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidPattern, "appeal"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_callback_number_pattern_that_does_not_compile_is_reported()
    {
        var tree = _tree.WithNode("callback", _tree.Node<CallbackRequestNode>("callback") with { NumberPattern = "(0" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidPattern, "callback"), (fault.Kind, fault.NodeId));
    }

    [Theory]
    [InlineData("[0-9]+")]
    [InlineData("0[0-9]{9,14}")]
    public void Validate_callback_number_pattern_accepting_international_numbers_is_reported(string pattern)
    {
        var tree = _tree.WithNode("callback", _tree.Node<CallbackRequestNode>("callback") with { NumberPattern = pattern });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidPattern, "callback"), (fault.Kind, fault.NodeId));
        Assert.Contains("international", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_collect_min_length_above_max_is_reported()
    {
        var tree = _tree.WithNode("appeal", _tree.Node<CollectDigitsNode>("appeal") with { MinLength = 9 });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.InvalidSetting, fault.Kind);
    }

    [Fact]
    public void Validate_say_of_a_variable_nothing_sets_is_reported()
    {
        var tree = _tree.WithNode("sayAppeal", _tree.Node<SayNode>("sayAppeal") with { Variable = "passportNumber" });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.UnknownVariable, "sayAppeal"), (fault.Kind, fault.NodeId));
    }

    [Theory]
    [InlineData(SayAs.Date, "2026-02-30")]
    [InlineData(SayAs.Time, "25:00")]
    [InlineData(SayAs.Number, "12a")]
    public void Validate_say_literal_that_does_not_parse_is_reported(SayAs sayAs, string literal)
    {
        var tree = _tree.WithNode("sayAppeal", _tree.Node<SayNode>("sayAppeal") with { As = sayAs, Variable = null, Literal = literal });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.InvalidSetting, fault.Kind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("*")]
    [InlineData("#")]
    public void Validate_option_on_a_reserved_menu_key_is_reported(string key)
    {
        var menu = _tree.Node<MenuNode>("menu");
        var tree = _tree.WithNode("menu", menu with { Options = new Dictionary<string, string>(menu.Options) { [key] = "queue" } });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidOption, "menu"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_option_key_that_is_not_one_dtmf_key_is_reported()
    {
        var menu = _tree.Node<MenuNode>("menu");
        var tree = _tree.WithNode("menu", menu with { Options = new Dictionary<string, string>(menu.Options) { ["12"] = "queue" } });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal(FaultKind.InvalidOption, fault.Kind);
    }

    [Fact]
    public void Validate_language_choice_offering_a_language_not_enabled_is_reported()
    {
        var choice = _tree.Node<LanguageChoiceNode>("lang");
        var tree = _tree.WithNode("lang", choice with { Options = new Dictionary<string, Language>(choice.Options) { ["3"] = Language.En } });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidOption, Language.En), (fault.Kind, fault.Language));
    }

    [Fact]
    public void Validate_timeout_out_of_range_is_reported()
    {
        var tree = _tree.WithNode("menu", _tree.Node<MenuNode>("menu") with { TimeoutSeconds = 0 });

        var fault = Assert.Single(ValidTree.Validate(tree));

        Assert.Equal((FaultKind.InvalidSetting, "menu"), (fault.Kind, fault.NodeId));
    }

    [Fact]
    public void Validate_reports_every_fault_not_only_the_first()
    {
        var tree = _tree
            .WithNode("queue", _tree.Node<QueueNode>("queue") with { Queue = "nope" })
            .WithNode("transfer", _tree.Node<TransferNode>("transfer") with { Number = "+19005550100" })
            .WithNode("orphan", new HangupNode());

        var kinds = ValidTree.Validate(tree).Select(f => f.Kind).Order().ToList();

        Assert.Equal([FaultKind.UnreachableNode, FaultKind.UnknownQueue, FaultKind.TransferNotAllowed], kinds);
    }

    [Fact]
    public void Fault_text_names_node_language_and_kind()
    {
        var fault = new ValidationFault(FaultKind.MissingPrompt, "menu", Language.Ru, "'prompt' has no text or audio in ru.");

        Assert.Equal("node 'menu' [ru] MissingPrompt: 'prompt' has no text or audio in ru.", fault.ToString());
    }
}
