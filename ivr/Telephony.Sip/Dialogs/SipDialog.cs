using System.Globalization;
using System.Net;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Dialogs;

/// <summary>
/// A SIP dialog (RFC 3261 12), UAS or UAC side: identity, route set, remote target and sequence numbers, and the
/// in-dialog requests the TU sends (re-INVITE, UPDATE, INFO, REFER, NOTIFY, BYE). Its state changes on the dialog's
/// worker; reading its properties from elsewhere is safe but may be a moment behind.
/// </summary>
public sealed partial class SipDialog
{
    private readonly SipUserAgentCore _core;
    private readonly List<string> _routeSet;
    private uint _localSequence;

    private SipDialog(
        SipUserAgentCore core, SipDialogId id, bool isUac, string localParty, string remoteParty, string remoteTarget,
        List<string> routeSet, string localContact, ISipTransport transport, IPEndPoint remoteEndPoint, ISipDialogHandler handler)
    {
        _core = core;
        Id = id;
        IsUac = isUac;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        LocalContact = localContact;
        Transport = transport;
        RemoteEndPoint = remoteEndPoint;
        Handler = handler;
    }

    public SipDialogId Id { get; }

    public bool IsUac { get; }

    public SipDialogState State { get; private set; }

    /// <summary>Our From (UAC) or To (UAS) header value, tag included.</summary>
    public string LocalParty { get; }

    /// <summary>The peer's name-addr with its tag.</summary>
    public string RemoteParty { get; }

    /// <summary>The peer's Contact URI; refreshed by re-INVITE and UPDATE (target refresh).</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>Route set from Record-Route (UAS: as received; UAC: reversed), sent as Route on every request.</summary>
    public IReadOnlyList<string> RouteSet => _routeSet;

    public string LocalContact { get; }

    public uint LocalSequence => _localSequence;

    /// <summary>The highest CSeq seen from the peer; null until the peer sends one (UAC dialogs).</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>Where the peer was last heard from; in-dialog requests go here unless the route or target names an IP.</summary>
    public IPEndPoint RemoteEndPoint { get; private set; }

    public ISipTransport Transport { get; }

    public ISipDialogHandler Handler { get; }

    /// <summary>The UAS retransmits this 2xx until the ACK (13.3.1.4).</summary>
    internal SipAckWait? PendingAck { get; set; }

    /// <summary>UAC: the ACK last sent for a 2xx, resent when the 2xx is retransmitted.</summary>
    internal byte[]? LastAck { get; set; }

    internal int Partition { get; set; }

    internal static SipDialog ForUas(SipUserAgentCore core, SipServerRequest request, ISipDialogHandler handler, string localContact)
    {
        var invite = request.Request;
        var to = invite.ValueMemory(invite.IndexOf(SipHeaderKind.To, 0));
        var localParty = Encoding.UTF8.GetString(to.Span).Trim() + ";tag=" + request.LocalTag;
        var remoteParty = Encoding.UTF8.GetString(invite.ValueMemory(invite.IndexOf(SipHeaderKind.From, 0)).Span).Trim();
        var routes = invite.RecordRoute.Select(static r => r.ToString()).ToList();
        var dialog = new SipDialog(
            core, new SipDialogId(invite.CallId, request.LocalTag, invite.From.Tag ?? string.Empty), isUac: false, localParty, remoteParty,
            ContactTarget(invite) ?? invite.From.Uri.ToString(), routes, localContact, request.Transaction.Source.Transport, request.RemoteEndPoint, handler)
        {
            RemoteSequence = invite.CSeq.Number,
            State = SipDialogState.Early,
            Partition = request.Transaction.Partition,
        };
        return dialog;
    }

    internal static SipDialog ForUac(
        SipUserAgentCore core, SipRequest invite, SipResponse ok, string localContact, ISipTransport transport, IPEndPoint remote, ISipDialogHandler handler, int partition)
    {
        var routes = ok.RecordRoute.Select(static r => r.ToString()).Reverse().ToList();
        var localParty = Encoding.UTF8.GetString(invite.ValueMemory(invite.IndexOf(SipHeaderKind.From, 0)).Span).Trim();
        var remoteParty = Encoding.UTF8.GetString(ok.ValueMemory(ok.IndexOf(SipHeaderKind.To, 0)).Span).Trim();
        return new SipDialog(
            core, new SipDialogId(invite.CallId, invite.From.Tag ?? string.Empty, ok.To.Tag ?? string.Empty), isUac: true, localParty, remoteParty,
            ContactTarget(ok) ?? invite.RequestUri.ToString(), routes, localContact, transport, remote, handler)
        {
            _localSequence = invite.CSeq.Number,
            State = SipDialogState.Confirmed,
            Partition = partition,
        };
    }

    /// <summary>
    /// The CSeq rule for a request from the peer (12.2.2): lower than the last one is refused with 500. Records the
    /// number and, for a target refresh (re-INVITE, UPDATE), the new Contact.
    /// </summary>
    internal bool AcceptRemoteRequest(SipRequest request, IPEndPoint source)
    {
        var number = request.CSeq.Number;
        if (RemoteSequence is { } last && number < last)
        {
            return false;
        }

        RemoteSequence = number;
        RemoteEndPoint = source;
        if (request.Method is SipMethod.Invite or SipMethod.Update && ContactTarget(request) is { } target)
        {
            RemoteTarget = target;
        }

        return true;
    }

    internal void Confirm()
    {
        if (State == SipDialogState.Early)
        {
            State = SipDialogState.Confirmed;
        }
    }

    /// <summary>Marks the dialog ended; true the first time.</summary>
    internal bool End()
    {
        if (State == SipDialogState.Terminated)
        {
            return false;
        }

        State = SipDialogState.Terminated;
        PendingAck?.Timer?.Cancel();
        PendingAck = null;
        return true;
    }

    /// <summary>
    /// A request within this dialog (12.2.1.1): Request-URI the remote target, Route the route set, our From/To with
    /// tags, the next local CSeq (ACK and CANCEL reuse <paramref name="sequence"/>). The stack adds Via when sending.
    /// </summary>
    internal SipMessageBuilder BuildRequest(string methodName, uint? sequence = null)
    {
        var number = sequence ?? ++_localSequence;
        var builder = SipMessageBuilder.Request(methodName, RemoteTarget)
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .AddHeader(SipHeaderKind.From, LocalParty)
            .AddHeader(SipHeaderKind.To, RemoteParty)
            .AddHeader(SipHeaderKind.CallId, Id.CallId)
            .AddHeader(SipHeaderKind.CSeq, string.Create(CultureInfo.InvariantCulture, $"{number} {methodName}"));
        foreach (var route in _routeSet)
        {
            builder.AddHeader(SipHeaderKind.Route, route);
        }

        if (methodName is "INVITE" or "UPDATE" or "REFER" or "SUBSCRIBE" or "NOTIFY")
        {
            builder.AddHeader(SipHeaderKind.Contact, LocalContact);
        }

        return builder;
    }

    /// <summary>
    /// Where in-dialog requests go: the first route's host, else the remote target's, when an IP literal; else where the
    /// peer was heard from. Over TCP or TLS without a route set, a connection still open to the peer is used again
    /// (RFC 5923's reuse): a phone that registered over TLS can be reached on its registration connection, while its
    /// own listener may present a certificate we cannot check, or be unreachable behind NAT.
    /// </summary>
    internal IPEndPoint NextHop()
    {
        if (_routeSet.Count == 0 && Transport is TcpSipTransport connected && connected.HasOpenConnection(RemoteEndPoint))
        {
            return RemoteEndPoint;
        }

        var uri = _routeSet.Count > 0 ? SipNameAddress.Parse(_routeSet[0]).Uri : SipUri.Parse(RemoteTarget);
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            ? new IPEndPoint(address, uri.Port ?? SipTransportNames.DefaultPort(uri))
            : RemoteEndPoint;
    }

    private static string? ContactTarget(SipMessage message) =>
        message.Contact.Count > 0 && message.Contact[0].Address is { } address ? address.Uri.ToString() : null;
}
