using Telephony.Calls.Control;

namespace Telephony.Ivr.Tests.Interpreter;

/// <summary>Outbound calls for transfer tests: records every request and answers with <see cref="Result"/>.</summary>
public sealed class ScriptedDialer : ICallBackend
{
    public List<OriginateRequest> Requests { get; } = [];

    public OriginateResult Result { get; set; } = OriginateResult.Failed(OriginateFailure.NoAnswer);

    public void OnIncomingCall(Func<ICall, CancellationToken, Task> handler)
    {
    }

    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(Result);
    }
}
