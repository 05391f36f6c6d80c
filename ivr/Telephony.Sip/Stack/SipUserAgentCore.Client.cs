using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Stack;

/// <summary>The UAC side: out-of-dialog requests, INVITE with CANCEL, and in-dialog requests with ACK for 2xx.</summary>
internal sealed partial class SipUserAgentCore
{
    public Task<SipResponse> SendRequestAsync(
        SipMessageBuilder builder, IPEndPoint destination, SipTransportKind kind, Action<SipResponse>? provisional, CancellationToken cancellationToken)
    {
        var transport = PickTransport(kind, destination);
        var (request, bytes) = Finish(builder, transport);
        var pending = new SipPendingRequest(request, provisional, null);
        Start(pending, request, bytes, transport, destination, cancellationToken);
        return pending.Task;
    }

    public async Task<SipInviteResult> InviteAsync(SipInviteRequest invite, ISipDialogHandler handler, Action<SipResponse>? provisional, CancellationToken cancellationToken)
    {
        var transport = PickTransport(invite.Transport, invite.Destination);
        var contact = invite.Contact ?? LocalContact(transport, invite.RequestUri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase));
        var builder = SipMessageBuilder.Request(SipMethod.Invite, invite.RequestUri)
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .AddHeader(SipHeaderKind.From, invite.From + ";tag=" + SipTag.NewTag())
            .AddHeader(SipHeaderKind.To, invite.To)
            .AddHeader(SipHeaderKind.CallId, SipTag.NewCallId(HostOf(transport)))
            .AddHeader(SipHeaderKind.CSeq, "1 INVITE")
            .AddHeader(SipHeaderKind.Contact, contact)
            .AddHeader(SipHeaderKind.Allow, AllowHeader)
            .AddHeader(SipHeaderKind.UserAgent, _options.UserAgent);
        if (!invite.Sdp.IsEmpty)
        {
            builder.SetBody(invite.Sdp, "application/sdp");
        }

        var (request, bytes) = Finish(builder, transport);
        SipDialog? dialog = null;
        var pending = new SipPendingRequest(request, provisional, (transaction, response) =>
        {
            if (response.IsSuccess && response.To.Tag is not null)
            {
                dialog = SipDialog.ForUac(this, request, response, contact, transport, invite.Destination, handler, transaction.Partition);
                _dialogs[dialog.Partition][dialog.Id] = dialog;
                SendAck(dialog, request.CSeq.Number);
            }
        });
        Start(pending, request, bytes, transport, invite.Destination, cancellationToken);
        var final = await pending.Task;
        return new SipInviteResult(final, dialog);
    }

    public Task<SipResponse> SendInDialogAsync(
        SipDialog dialog, string methodName, ReadOnlyMemory<byte> body, string? contentType, Action<SipMessageBuilder>? decorate, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _workers.Post(dialog.Partition, _ =>
        {
            if (dialog.State == SipDialogState.Terminated && methodName != "BYE")
            {
                completion.TrySetException(new InvalidOperationException("The dialog has ended."));
                return;
            }

            var pending = StartInDialog(dialog, methodName, body, contentType, decorate, null);
            pending.Task.ContinueWith(t => completion.TrySetResult(t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }, null);
        return completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Builds and sends an in-dialog request on the dialog's worker; a 2xx to re-INVITE is ACKed.</summary>
    internal SipPendingRequest StartInDialog(
        SipDialog dialog, string methodName, ReadOnlyMemory<byte> body, string? contentType, Action<SipMessageBuilder>? decorate, ISipClientTransactionUser? user)
    {
        var builder = dialog.BuildRequest(methodName);
        decorate?.Invoke(builder);
        if (!body.IsEmpty)
        {
            builder.SetBody(body, contentType ?? "application/octet-stream");
        }

        var (request, bytes) = Finish(builder, dialog.Transport);
        var pending = new SipPendingRequest(request, null, (_, response) =>
        {
            if (methodName == "INVITE" && response.IsSuccess)
            {
                SendAck(dialog, request.CSeq.Number);
            }
        });
        if (methodName == "BYE")
        {
            EndDialog(dialog, SipDialogEndReason.LocalBye);
        }

        var transaction = _layer.StartClient(request, bytes, dialog.Transport, dialog.NextHop(), dialog.Partition, (ISipClientTransactionUser?)user ?? pending);
        pending.Transaction = transaction;
        return pending;
    }

    /// <summary>
    /// Our Contact on <paramref name="transport"/>: a sips: URI when <paramref name="secure"/> (the peer used sips:, so
    /// every hop must stay on TLS, RFC 3261 12.1.1), else sip: with transport=tcp or transport=tls when not UDP.
    /// </summary>
    internal string LocalContact(ISipTransport transport, bool secure = false)
    {
        var host = HostOf(transport);
        var port = transport.LocalEndPoint.Port;
        if (secure && transport.Kind == SipTransportKind.Tls)
        {
            return string.Create(CultureInfo.InvariantCulture, $"<sips:{host}:{port}>");
        }

        return transport.Kind switch
        {
            SipTransportKind.Tcp => string.Create(CultureInfo.InvariantCulture, $"<sip:{host}:{port};transport=tcp>"),
            SipTransportKind.Tls => string.Create(CultureInfo.InvariantCulture, $"<sip:{host}:{port};transport=tls>"),
            _ => string.Create(CultureInfo.InvariantCulture, $"<sip:{host}:{port}>"),
        };
    }

    internal ISipTransport PickTransport(SipTransportKind kind, IPEndPoint destination) =>
        Transports.FirstOrDefault(t => t.Kind == kind && t.LocalEndPoint.AddressFamily == destination.AddressFamily)
        ?? Transports.FirstOrDefault(t => t.Kind == kind)
        ?? throw new InvalidOperationException($"No {kind} transport is listening.");

    private void Start(SipPendingRequest pending, SipRequest request, byte[] bytes, ISipTransport transport, IPEndPoint destination, CancellationToken cancellationToken)
    {
        var partition = _workers.PartitionOf(request.CallId);
        _workers.Post(partition, _ =>
        {
            pending.Transaction = _layer.StartClient(request, bytes, transport, destination, partition, pending);
            if (request.Method == SipMethod.Invite && cancellationToken.IsCancellationRequested)
            {
                // Cancelled before the INVITE even left: the registration below found no transaction to cancel.
                _layer.Cancel(pending.Transaction);
            }
        }, null);
        if (request.Method == SipMethod.Invite && cancellationToken.CanBeCanceled)
        {
            // CANCEL while ringing (9.1); the INVITE still ends with its final response, normally 487.
            var registration = cancellationToken.Register(() => _workers.Post(partition, _ =>
            {
                if (pending.Transaction is { } transaction)
                {
                    _layer.Cancel(transaction);
                }
            }, null));
            pending.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void SendAck(SipDialog dialog, uint sequence)
    {
        var (_, ack) = Finish(dialog.BuildRequest("ACK", sequence), dialog.Transport);
        dialog.LastAck = ack;
        dialog.Transport.Send(ack, dialog.NextHop());
    }

    /// <summary>Adds our Via (fresh branch, rport) and turns the request into bytes and a parsed message.</summary>
    private (SipRequest Request, byte[] Bytes) Finish(SipMessageBuilder builder, ISipTransport transport)
    {
        var protocol = SipTransportNames.ViaName(transport.Kind);
        builder.AddHeader(
            SipHeaderKind.Via,
            string.Create(CultureInfo.InvariantCulture, $"SIP/2.0/{protocol} {HostOf(transport)}:{transport.LocalEndPoint.Port};branch={SipTag.NewBranch()};rport"));
        var bytes = builder.ToArray();
        return Parser.ParseDatagram(bytes, out var message, out var rejection) == SipParseStatus.Complete
            ? ((SipRequest)message!, bytes)
            : throw new ArgumentException($"The request does not parse: {rejection}.", nameof(builder));
    }

    private string HostOf(ISipTransport transport)
    {
        if (_options.AdvertisedHost is { } advertised)
        {
            return advertised;
        }

        var address = transport.LocalEndPoint.Address;
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
