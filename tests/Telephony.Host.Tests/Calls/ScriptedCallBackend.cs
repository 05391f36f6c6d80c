using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.Control;

namespace Telephony.Host.Tests.Calls;

/// <summary>
/// Test double of the call-control backend: hands dialled-in <see cref="ScriptedCall"/>s to the registered handler and
/// answers originations at scripted <see cref="AgentPhone"/>s on the fake clock.
/// </summary>
public sealed class ScriptedCallBackend(FakeTimeProvider time) : ICallBackend
{
    private readonly Lock _gate = new();
    private Func<ICall, CancellationToken, Task>? _handler;

    public Dictionary<string, AgentPhone> Phones { get; } = new(StringComparer.Ordinal);

    /// <summary>Extensions rung, in order.</summary>
    public List<string> Rung { get; } = [];

    public void OnIncomingCall(Func<ICall, CancellationToken, Task> handler) => _handler = handler;

    public AgentPhone Phone(string extension)
    {
        if (!Phones.TryGetValue(extension, out var phone))
        {
            phone = new AgentPhone(extension);
            Phones.Add(extension, phone);
        }

        return phone;
    }

    /// <summary>A citizen dials in; the task is the handler's run for the call.</summary>
    public Task DialInAsync(ScriptedCall call) =>
        (_handler ?? throw new InvalidOperationException("No incoming-call handler registered."))(call, CancellationToken.None);

    public async Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken)
    {
        var phone = Phone(request.Target);
        lock (_gate)
        {
            Rung.Add(request.Target);
            phone.Rings++;
            phone.Ringing++;
            phone.MostRingingAtOnce = Math.Max(phone.MostRingingAtOnce, phone.Ringing);
            phone.MostBusyAtOnce = Math.Max(phone.MostBusyAtOnce, phone.Ringing + phone.Talking);
        }

        try
        {
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var delay = phone.AnswerAfter ?? request.RingTimeout + TimeSpan.FromSeconds(1);
            using var timer = time.CreateTimer(_ => answer.TrySetResult(phone.AnswerAfter is not null), null, delay, Timeout.InfiniteTimeSpan);
            await using var onCancel = cancellationToken.Register(() => answer.TrySetResult(false));
            if (!await answer.Task.ConfigureAwait(false))
            {
                return OriginateResult.Failed(cancellationToken.IsCancellationRequested ? OriginateFailure.Cancelled : OriginateFailure.NoAnswer);
            }

            var leg = new ScriptedCall(time, request.CallerId, request.Target, CallDirection.Outbound);
            lock (_gate)
            {
                phone.Legs.Add(leg);
                phone.Talking++;
                phone.MostTalkingAtOnce = Math.Max(phone.MostTalkingAtOnce, phone.Talking);
            }

            leg.Ended.Register(() =>
            {
                lock (_gate)
                {
                    phone.Talking--;
                }
            });
            return OriginateResult.AnsweredBy(leg);
        }
        finally
        {
            lock (_gate)
            {
                phone.Ringing--;
            }
        }
    }
}
