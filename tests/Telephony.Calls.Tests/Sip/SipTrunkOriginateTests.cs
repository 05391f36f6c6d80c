using System.Net;
using Telephony.Calls.Control;
using Telephony.Calls.Sip;

namespace Telephony.Calls.Tests.Sip;

/// <summary>
/// Calls out through the trunk (a citizen's callback): only numbers on the allowlist or matching the configured
/// pattern leave; anything else is refused without a packet sent.
/// </summary>
public sealed class SipTrunkOriginateTests : IAsyncLifetime
{
    private readonly TestSipPhone _trunk = new("trunk") { AnswerIncoming = true };
    private readonly SipCallHarness _server;

    public SipTrunkOriginateTests()
    {
        _server = new SipCallHarness(44600, backendOptions: new SipCallBackendOptions
        {
            Domain = "127.0.0.1",
            OutboundTrunk = new IPEndPoint(IPAddress.Loopback, _trunk.Port),
            OriginatePattern = "^0[1-9][0-9]{8}$",
        });
    }

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        await _trunk.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _trunk.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Originate_to_a_number_matching_the_pattern_goes_out_through_the_trunk_and_answers()
    {
        var result = await _server.Backend.OriginateAsync(new OriginateRequest("0501234567", "hotline", SipCallHarness.Patience), CancellationToken.None)
            .WaitAsync(SipCallHarness.Patience);

        Assert.True(result.Answered, $"{result.Failure} {result.ProtocolStatus}");
        await _trunk.Answered.WaitAsync(SipCallHarness.Patience);
        await result.Call!.HangupAsync(CancellationToken.None).WaitAsync(SipCallHarness.Patience);
    }

    [Theory]
    [InlineData("0090123456789")]
    [InlineData("1900555")]
    [InlineData("05012345678")]
    public async Task Originate_to_a_number_outside_the_pattern_is_refused_and_nothing_is_dialled(string number)
    {
        var result = await _server.Backend.OriginateAsync(new OriginateRequest(number, "hotline", SipCallHarness.Patience), CancellationToken.None)
            .WaitAsync(SipCallHarness.Patience);

        Assert.Equal(OriginateFailure.NotRegistered, result.Failure);
        Assert.False(_trunk.Invited.IsCompleted);
    }
}
