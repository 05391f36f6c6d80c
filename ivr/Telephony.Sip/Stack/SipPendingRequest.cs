using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;

namespace Telephony.Sip.Stack;

/// <summary>A request the TU sent and awaits: provisionals go to a callback, the final (or a synthesized 408) ends the task.</summary>
internal sealed class SipPendingRequest(SipRequest request, Action<SipResponse>? provisional, Action<SipClientTransaction, SipResponse>? onFinal)
    : ISipClientTransactionUser
{
    private readonly TaskCompletionSource<SipResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipRequest Request { get; } = request;

    public Task<SipResponse> Task => _completion.Task;

    public SipClientTransaction? Transaction { get; set; }

    public void OnResponse(SipClientTransaction transaction, SipResponse response)
    {
        if (response.IsProvisional)
        {
            provisional?.Invoke(response);
            return;
        }

        onFinal?.Invoke(transaction, response);
        _completion.TrySetResult(response);
    }

    public void OnTimeout(SipClientTransaction transaction) =>
        _completion.TrySetResult((SipResponse)SipResponse.CreateFor(Request, 408, "Request Timeout").Build());
}
