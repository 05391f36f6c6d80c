using Telephony.Calls.Control;
using Telephony.Ivr.Interpreter;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Model;
using static Telephony.Ivr.Tests.Interpreter.TestTrees;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>Transfers dial only allowlisted numbers, checked again at run time.</summary>
public sealed class IvrInterpreterTransferTests
{
    private const string Listed = "+994124000000";
    private const string NotListed = "+881699999999";

    private readonly IvrTestBed _bed = new();

    private static MenuTree Transfer(string number, string? onFailure = "sorry") => Tree("transfer", new Dictionary<string, IvrNode>
    {
        ["transfer"] = new TransferNode { Number = number, OnFailure = onFailure },
        ["sorry"] = Goodbye(),
    }) with { TransferAllowlist = [Listed] };

    [Fact]
    public async Task Transfer_to_an_allowlisted_number_dials_it_and_bridges_the_caller()
    {
        var leg = _bed.Call("+994124000000");
        _bed.Dialer.Result = OriginateResult.AnsweredBy(leg);
        var call = _bed.Call("0501234567");

        var outcome = await _bed.RunAsync(call, Transfer(Listed));

        var request = Assert.Single(_bed.Dialer.Requests);
        Assert.Equal((Listed, "0501234567", call.Id), (request.Target, request.CallerId, request.RelatedCallId));
        Assert.Same(leg, call.BridgedTo);
        Assert.Equal((IvrExit.Transferred, Listed), (outcome.Exit, outcome.Transfer!.Number));
        Assert.Equal(IvrDisposition.Transferred, outcome.Disposition);
    }

    [Fact]
    public async Task Transfer_to_a_number_on_no_allowlist_is_refused_without_dialling()
    {
        var call = _bed.Call();

        var outcome = await _bed.RunAsync(call, Transfer(NotListed));

        Assert.Empty(_bed.Dialer.Requests);
        Assert.Null(call.BridgedTo);
        Assert.Equal(NotListed, Assert.Single(outcome.Path.Events.OfType<TransferRefused>()).Number);
        Assert.Equal("sorry", outcome.ExitNode);
    }

    [Fact]
    public async Task Transfer_refused_without_a_failure_node_hangs_up()
    {
        var call = _bed.Call();

        var outcome = await _bed.RunAsync(call, Transfer(NotListed, onFailure: null));

        Assert.Equal((IvrExit.HungUpByMenu, "transfer"), (outcome.Exit, outcome.ExitNode));
        Assert.Empty(_bed.Dialer.Requests);
    }

    [Fact]
    public async Task Transfer_to_a_number_the_host_allows_is_dialled()
    {
        _bed.Context = _bed.Context with { TransferAllowlist = [NotListed] };
        _bed.Dialer.Result = OriginateResult.AnsweredBy(_bed.Call());

        var outcome = await _bed.RunAsync(_bed.Call(), Transfer(NotListed));

        Assert.Equal(IvrExit.Transferred, outcome.Exit);
    }

    [Fact]
    public async Task Transfer_not_answered_goes_to_the_failure_node()
    {
        _bed.Dialer.Result = OriginateResult.Failed(OriginateFailure.Busy, 486);

        var outcome = await _bed.RunAsync(_bed.Call(), Transfer(Listed));

        Assert.Equal(OriginateFailure.Busy, Assert.Single(outcome.Path.Events.OfType<TransferFailed>()).Failure);
        Assert.Equal("sorry", outcome.ExitNode);
    }
}
