using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Sip.Registrar;

/// <summary>
/// Plugs the registrar into <see cref="SipStack"/>: REGISTER goes to <see cref="SipRegistrar"/> (answered when its stores
/// reply, off the stack's worker), every other request to <paramref name="next"/> (405 when there is none, e.g. behind a
/// router that sends only REGISTER here).
/// </summary>
public sealed class SipRegistrarRequestHandler(SipRegistrar registrar, ISipRequestHandler? next = null, ILogger<SipRegistrarRequestHandler>? logger = null)
    : ISipRequestHandler
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public void OnRequest(SipServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Request.Method != SipMethod.Register)
        {
            if (next is null)
            {
                request.Respond(request.CreateResponse(405, "Method Not Allowed").AddHeader(SipHeaderKind.Allow, "REGISTER"));
            }
            else
            {
                next.OnRequest(request);
            }

            return;
        }

        // The stack wants OnRequest to return at once; the task answers the request itself and never throws.
        _ = AnswerAsync(request);
    }

    private async Task AnswerAsync(SipServerRequest request)
    {
        try
        {
            var response = await registrar.HandleAsync(
                request.Request, request.RemoteEndPoint, request.TransportKind.ToString().ToUpperInvariant(), request.CreateResponse, CancellationToken.None)
                .ConfigureAwait(false);
            request.Respond(response);
        }
#pragma warning disable CA1031 // Any failure of a store must still answer the phone, or it retransmits until timer F.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SipLog.RegistrarFailed(_logger, request.RemoteEndPoint, exception);
            request.Respond(500, "Server Internal Error");
        }
    }
}
