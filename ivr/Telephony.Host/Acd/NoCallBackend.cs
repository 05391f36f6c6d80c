using Telephony.Calls.Control;

namespace Telephony.Host.Acd;

/// <summary>
/// The call backend while none is configured: takes no calls and reaches no phone, so the ACD and its API run
/// (agent status, supervision) and an offer simply fails and moves on.
/// </summary>
public sealed class NoCallBackend : ICallBackend
{
    public void OnIncomingCall(Func<ICall, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
    }

    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(OriginateResult.Failed(OriginateFailure.Unreachable));
}
