using System.Globalization;
using System.Text;
using Telephony.Calls.Control;
using Telephony.Media.Sdp;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Calls.Sip;

/// <summary>Outbound calls: only to registered users (through <see cref="ISipLocationService"/>) or allow-listed numbers.</summary>
public sealed partial class SipCallBackend
{
    public async Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stack = Volatile.Read(ref _stack) ?? throw new InvalidOperationException("The backend is not attached to a SIP stack.");
        if (!IsDiallable(request.Target))
        {
            return Failed(request, OriginateFailure.NotAllowed, null);
        }

        var route = await RouteAsync(request.Target, cancellationToken).ConfigureAwait(false);
        if (route.Failure is { } refused)
        {
            return Failed(request, refused, null);
        }

        var endpoint = _engine.OpenEndpoint();
        var local = LocalMediaOf(endpoint);
        var offer = SdpNegotiator.CreateOffer(local);
        var call = new SipCall(_engine, _time, _logger, request.Target, request.CallerId, endpoint, local, offer);
        var host = _options.Domain;
        var display = request.DisplayName is { } name ? "\"" + name.Replace('"', '\'') + "\" " : string.Empty;
        var invite = new SipInviteRequest(
            route.Location!.ContactUri,
            string.Create(CultureInfo.InvariantCulture, $"{display}<sip:{request.CallerId}@{host}>"),
            string.Create(CultureInfo.InvariantCulture, $"<sip:{request.Target}@{host}>"),
            route.Location.Destination)
        {
            Transport = route.Location.Transport,
            Sdp = Encoding.UTF8.GetBytes(offer.ToString()),
        };

        using var scope = call.BeginLogScope();
        SipCallLog.Originating(_logger, request.Target, route.Location.ContactUri);
        using var ringTimeout = new CancellationTokenSource(request.RingTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ringTimeout.Token);
        SipInviteResult result;
        try
        {
            result = await stack.InviteAsync(invite, call, call.OnProvisional, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            call.End(CallEndReason.LocalHangup);
            return Failed(request, cancellationToken.IsCancellationRequested ? OriginateFailure.Cancelled : OriginateFailure.NoAnswer, null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.Sockets.SocketException or IOException)
        {
            call.End(CallEndReason.Failed);
            return Failed(request, OriginateFailure.Unreachable, null);
        }

        var status = result.Response.StatusCode;
        if (result is { Dialog: { } dialog, Response.IsSuccess: true })
        {
            if (call.OnOutboundAnswered(dialog, result.Response))
            {
                return OriginateResult.AnsweredBy(call);
            }

            await call.HangupAsync(CancellationToken.None).ConfigureAwait(false);
            return Failed(request, OriginateFailure.Rejected, status);
        }

        call.End(CallEndReason.Rejected);
        var failure = status switch
        {
            487 when cancellationToken.IsCancellationRequested => OriginateFailure.Cancelled,
            486 or 600 => OriginateFailure.Busy,
            480 or 408 or 487 => OriginateFailure.NoAnswer,
            404 or 410 or 604 => OriginateFailure.NotRegistered,
            >= 500 and < 600 => OriginateFailure.Unreachable,
            _ => OriginateFailure.Rejected,
        };
        return Failed(request, failure, status);
    }

    /// <summary>Where a target is dialled: a registered user's contact, or the trunk for an allow-listed number.</summary>
    private async Task<(SipLocation? Location, OriginateFailure? Failure)> RouteAsync(string target, CancellationToken cancellationToken)
    {
        var contacts = await _locations.FindContactsAsync(target, cancellationToken).ConfigureAwait(false);
        if (contacts.Count > 0)
        {
            return (contacts[0], null);
        }

        if (!_options.MayDialOut(target))
        {
            return (null, OriginateFailure.NotRegistered);
        }

        return _options.OutboundTrunk is { } trunk
            ? (new SipLocation(string.Create(CultureInfo.InvariantCulture, $"sip:{target}@{trunk}"), trunk), null)
            : (null, OriginateFailure.Unreachable);
    }

    private OriginateResult Failed(OriginateRequest request, OriginateFailure failure, int? status)
    {
        SipCallLog.OriginateFailed(_logger, request.Target, failure, status);
        return OriginateResult.Failed(failure, status);
    }

    /// <summary>A user part or number only: nothing a caller could turn into another host, header or parameter.</summary>
    private static bool IsDiallable(string target) =>
        target.Length is > 0 and <= 64 && target.All(static c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_' or '*' or '#');
}
