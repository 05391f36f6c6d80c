using System.Globalization;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

/// <summary>Transaction matching keys (RFC 3261 17.1.3, 17.2.3, 8.2.2.2).</summary>
internal sealed partial class SipTransactionLayer
{
    /// <summary>
    /// The server transaction a request belongs to: branch, sent-by and method when the branch has the RFC 3261 magic
    /// cookie; otherwise (an RFC 2543 peer) Request-URI, From tag, Call-ID, CSeq number and the whole top Via. ACK and
    /// CANCEL are looked up with <paramref name="method"/> INVITE to find the transaction they refer to.
    /// </summary>
    internal static SipServerKey ServerKey(SipRequest request, SipMethod method)
    {
        var top = request.Via[0];
        var methodName = method == SipMethod.Extension ? request.MethodName : SipMethods.GetName(method);
        if (top.HasRfc3261Branch)
        {
            return new SipServerKey(top.Branch!, top.Host, top.Port ?? -1, methodName);
        }

        var older = string.Create(
            CultureInfo.InvariantCulture,
            $"2543|{request.RequestUri}|{request.From.Tag}|{request.CallId}|{request.CSeq.Number}|{top}");
        return new SipServerKey(older, string.Empty, -1, methodName);
    }

    internal static SipClientKey ClientKey(string branch, string methodName) => new(branch, methodName);

    private static SipMergeKey MergeKey(SipRequest request) => new(request.CallId, request.From.Tag, request.CSeq.Number, request.MethodName);
}
