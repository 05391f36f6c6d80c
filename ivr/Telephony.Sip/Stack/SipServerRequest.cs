using System.Net;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Stack;

/// <summary>
/// A received request handed to the TU with its server transaction. Every response built here carries the same To tag
/// (<see cref="LocalTag"/>) and the top Via stamped with received/rport, and goes back the way RFC 3261 18.2.2 says.
/// Responding is thread-safe: the response is handed to the Call-ID's worker.
/// </summary>
public sealed class SipServerRequest
{
    private readonly SipUserAgentCore _core;
    private readonly TaskCompletionSource? _cancelled;

    internal SipServerRequest(SipUserAgentCore core, SipServerTransaction transaction, SipDialog? dialog)
    {
        _core = core;
        Transaction = transaction;
        Dialog = dialog;
        LocalTag = dialog?.Id.LocalTag ?? transaction.Request.To.Tag ?? SipTag.NewTag();
        if (transaction.IsInvite)
        {
            _cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public SipRequest Request => Transaction.Request;

    /// <summary>The peer's address as seen on the socket (the registrar stores this as the contact's source).</summary>
    public IPEndPoint RemoteEndPoint => Transaction.Source.Remote;

    public SipTransportKind TransportKind => Transaction.Source.Transport.Kind;

    /// <summary>The local address the request arrived on.</summary>
    public IPEndPoint LocalEndPoint => Transaction.Source.Transport.LocalEndPoint;

    /// <summary>
    /// Our Contact for a dialog this request creates or refreshes: the transport it came on, and a sips: URI when the
    /// Request-URI was sips: (RFC 3261 12.1.1).
    /// </summary>
    public string LocalContact => _core.LocalContact(Transaction.Source.Transport, Request.RequestUri.Scheme == SipUriScheme.Sips);

    /// <summary>The To tag of every response to this request (and the dialog's local tag).</summary>
    public string LocalTag { get; }

    /// <summary>The dialog an in-dialog request belongs to, or the one <see cref="AcceptDialog"/> made.</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>Completes when a CANCEL for this INVITE arrives (the stack has then answered the INVITE with 487).</summary>
    public Task WhenCancelled => _cancelled?.Task ?? Task.CompletedTask;

    public bool IsCancelled => Transaction.IsCancelled;

    internal SipServerTransaction Transaction { get; }

    /// <summary>
    /// A response to this request, to add headers and a body to (Contact, WWW-Authenticate, SDP...). For a
    /// dialog-creating response to INVITE, Record-Route is copied (12.1.1).
    /// </summary>
    public SipMessageBuilder CreateResponse(int statusCode, string reasonPhrase)
    {
        var response = SipResponses.Create(Request, Transaction.StampedVia, statusCode, reasonPhrase, LocalTag);
        if (Request.Method == SipMethod.Invite && statusCode is > 100 and < 300)
        {
            response.CopyHeaders(Request, SipHeaderKind.RecordRoute);
        }

        return response;
    }

    public void Respond(int statusCode, string reasonPhrase) => Respond(CreateResponse(statusCode, reasonPhrase));

    /// <summary>Sends a response built with <see cref="CreateResponse"/> (the status code is read from it).</summary>
    public void Respond(SipMessageBuilder response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var bytes = response.ToArray();
        _core.Respond(this, bytes, ReadStatusCode(bytes));
    }

    /// <summary>
    /// Makes the UAS dialog this INVITE creates (RFC 3261 12.1.1): route set from Record-Route, remote target from
    /// Contact. Send the 2xx afterwards with a Contact of <paramref name="localContact"/>; the stack retransmits it
    /// until the ACK.
    /// </summary>
    public SipDialog AcceptDialog(ISipDialogHandler handler, string localContact)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(localContact);
        if (Request.Method != SipMethod.Invite || Dialog is not null)
        {
            throw new InvalidOperationException("Only an INVITE outside a dialog creates a dialog here.");
        }

        var dialog = SipDialog.ForUas(_core, this, handler, localContact);
        Dialog = dialog;
        _core.Register(dialog);
        return dialog;
    }

    internal void MarkCancelled() => _cancelled?.TrySetResult();

    private static int ReadStatusCode(byte[] bytes) =>
        bytes.Length > 11 ? ((bytes[8] - '0') * 100) + ((bytes[9] - '0') * 10) + (bytes[10] - '0') : 0;
}
