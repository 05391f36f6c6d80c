using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Tests.Transactions;

namespace Telephony.Sip.Tests.Stack;

public sealed class SipStackLimitTests
{
    [Fact]
    public async Task Rate_limit_drops_a_flooding_source_while_another_source_is_served()
    {
        await using var harness = new LoopHarness(o => o.MaxRequestsPerSecondPerSource = 5);
        for (var i = 0; i < 20; i++)
        {
            harness.Send(LoopHarness.Request("OPTIONS", $"z9hG4bKflood{i}", callId: $"flood-{i}"));
        }

        Assert.Equal(5, harness.Responses(200).Count());
        await using var other = harness.AddPeer(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 5070));
        other.Send(Encoding.UTF8.GetBytes(LoopHarness.Request("OPTIONS", "z9hG4bKother", callId: "other").ReplaceLineEndings("\r\n")), LoopHarness.StackAddress);
        Assert.Equal(6, harness.Responses(200).Count());

        // A second later the flooding source has tokens again.
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKlater", callId: "later"));
        Assert.Equal(7, harness.Responses(200).Count());
    }

    [Fact]
    public async Task Stopping_stack_refuses_new_invites_with_503_but_finishes_transactions()
    {
        await using var harness = new LoopHarness();
        harness.Send(LoopHarness.Invite(callId: "before"));
        using var grace = new CancellationTokenSource();
        var stopping = harness.Stack.StopAsync(grace.Token);
        harness.Send(LoopHarness.Invite(branch: "z9hG4bKlate", callId: "late"));
        Assert.Single(harness.Responses(503));

        harness.Handler.Requests[0].Respond(486, "Busy Here");
        Assert.Single(harness.Responses(486));
        await grace.CancelAsync();
        await stopping;
    }

    [Fact]
    public async Task Metrics_count_requests_responses_and_parse_rejections()
    {
        using var listener = new MeterListener();
        var seen = new Dictionary<string, long>();
        using var meters = new OwnMeterFactory();

        // Only this test's stack: other test classes run stacks at the same time on meters of the same name.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                seen[instrument.Name] = seen.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        await using var harness = new LoopHarness(meterFactory: meters);
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKm1", callId: "metrics-call"));
        harness.Send(LoopHarness.Request("OPTIONS", "z9hG4bKm2", callId: "metrics-call").Replace("Max-Forwards: 70", "Max-Forwards: many", StringComparison.Ordinal));

        Assert.Equal(1, seen["requests"]);
        Assert.Equal(2, seen["responses"]);
        Assert.Equal(1, seen["parse_rejections"]);
        Assert.Equal(400, harness.Received.OfType<SipResponse>().Last().StatusCode);
    }

    /// <summary>Meters scoped to one test, so a listener can tell them from every other stack's.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(static m => m.Dispose());
    }
}
