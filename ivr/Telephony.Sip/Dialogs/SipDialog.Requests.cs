using System.Globalization;
using System.Text;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Dialogs;

/// <summary>In-dialog requests the TU sends; each completes with the final response (408 when none came).</summary>
public sealed partial class SipDialog
{
    /// <summary>Any in-dialog request; <paramref name="decorate"/> adds headers (Event, Refer-To...).</summary>
    public Task<SipResponse> SendRequestAsync(
        string methodName, ReadOnlyMemory<byte> body = default, string? contentType = null, Action<SipMessageBuilder>? decorate = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        if (State == SipDialogState.Terminated)
        {
            throw new InvalidOperationException("The dialog has ended.");
        }

        return _core.SendInDialogAsync(this, methodName, body, contentType, decorate, cancellationToken);
    }

    /// <summary>A re-INVITE with a new offer (hold, resume, media change); the stack ACKs a 2xx.</summary>
    public Task<SipResponse> SendReInviteAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken = default) =>
        SendRequestAsync("INVITE", sdp, "application/sdp", null, cancellationToken);

    public Task<SipResponse> SendUpdateAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken = default) =>
        SendRequestAsync("UPDATE", sdp, "application/sdp", null, cancellationToken);

    public Task<SipResponse> SendInfoAsync(ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken = default) =>
        SendRequestAsync("INFO", body, contentType, null, cancellationToken);

    /// <summary>Ends the dialog with BYE; the handler hears <see cref="SipDialogEndReason.LocalBye"/> at once.</summary>
    public Task<SipResponse> SendByeAsync(CancellationToken cancellationToken = default) =>
        SendRequestAsync("BYE", cancellationToken: cancellationToken);

    /// <summary>REFER (RFC 3515) asking the peer to call <paramref name="referTo"/> (a name-addr or URI).</summary>
    public Task<SipResponse> SendReferAsync(string referTo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(referTo);
        return SendRequestAsync("REFER", decorate: b => b.AddHeader(SipHeaderKind.ReferTo, referTo), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The NOTIFY that reports a REFER's progress (RFC 3515 2.4.5): a message/sipfrag body with the status line of the
    /// referred call; a final status (200 and above) ends the implicit subscription.
    /// </summary>
    public Task<SipResponse> SendReferNotifyAsync(int statusCode, string reasonPhrase, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {statusCode} {reasonPhrase}\r\n"));
        var state = statusCode >= 200 ? "terminated;reason=noresource" : "active;expires=60";
        return SendRequestAsync(
            "NOTIFY",
            body,
            "message/sipfrag;version=2.0",
            b => b.AddHeader(SipHeaderKind.Event, "refer").AddHeader(SipHeaderKind.SubscriptionState, state),
            cancellationToken);
    }
}
