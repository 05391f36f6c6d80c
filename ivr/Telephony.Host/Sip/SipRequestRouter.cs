using System.Collections.Concurrent;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Host.Sip;

/// <summary>
/// The SIP stack's one transaction user in the host: hands each out-of-dialog request to the module that owns its
/// method (REGISTER to the registrar, INVITE to the call backend). A method nobody took gets 405 with the Allow list;
/// an INVITE before the call backend is ready gets 480, so a caller's phone tries again rather than failing hard.
/// </summary>
public sealed class SipRequestRouter : ISipRequestHandler
{
    private readonly ConcurrentDictionary<SipMethod, Action<SipServerRequest>> _handlers = new();

    /// <summary>Raised once the stack exists, before it listens: the call backend attaches to it here.</summary>
    public event Action<SipStack>? StackCreated;

    internal void OnStackCreated(SipStack stack) => StackCreated?.Invoke(stack);

    public void Route(SipMethod method, Action<SipServerRequest> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[method] = handler;
    }

    public void OnRequest(SipServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_handlers.TryGetValue(request.Request.Method, out var handler))
        {
            handler(request);
            return;
        }

        if (request.Request.Method == SipMethod.Invite)
        {
            request.Respond(480, "Temporarily Unavailable");
            return;
        }

        var allow = string.Join(", ", _handlers.Keys.Select(m => m.ToString().ToUpperInvariant()).Append("OPTIONS").Distinct());
        request.Respond(request.CreateResponse(405, "Method Not Allowed").AddHeader(SipHeaderKind.Allow, allow));
    }
}
