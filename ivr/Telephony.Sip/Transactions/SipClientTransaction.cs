using System.Globalization;
using System.Net;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>
/// INVITE client (RFC 3261 17.1.1, figure 5) and non-INVITE client (17.1.2, figure 6) transactions. Runs on its
/// Call-ID's worker; retransmits on timers A and E over unreliable transports, times out on B and F, and builds the
/// ACK for a non-2xx final itself (17.1.1.3).
/// </summary>
internal sealed class SipClientTransaction
{
    private readonly SipTransactionLayer _layer;
    private readonly byte[] _bytes;
    private byte[]? _ack;
    private SipTimer? _retransmit;
    private SipTimer? _timeout;
    private SipTimer? _linger;
    private TimeSpan _interval;

    public SipClientTransaction(
        SipTransactionLayer layer, SipRequest request, byte[] bytes, ISipTransport transport, IPEndPoint destination, SipClientKey key, int partition, ISipClientTransactionUser user)
    {
        _layer = layer;
        Request = request;
        _bytes = bytes;
        Transport = transport;
        Destination = destination;
        Key = key;
        Partition = partition;
        User = user;
        IsInvite = request.Method == SipMethod.Invite;
        State = IsInvite ? SipTransactionState.Calling : SipTransactionState.Trying;
    }

    public SipRequest Request { get; }

    public ISipTransport Transport { get; }

    public IPEndPoint Destination { get; }

    public SipClientKey Key { get; }

    public int Partition { get; }

    public bool IsInvite { get; }

    public ISipClientTransactionUser User { get; }

    public SipTransactionState State { get; private set; }

    /// <summary>Set when the TU asked to cancel before any provisional arrived: CANCEL goes out on the first 1xx (9.1).</summary>
    public bool CancelPending { get; set; }

    public void Start()
    {
        if (!SipTransactionLayer.Send(Transport, _bytes, Destination, 0))
        {
            Terminate();
            User.OnTimeout(this);
            return;
        }

        var timers = _layer.Timers;
        if (!Transport.IsReliable)
        {
            _interval = timers.T1;
            _retransmit = _layer.Schedule(Partition, _interval, static s => ((SipClientTransaction)s!).OnRetransmitTimer(), this);
        }

        _timeout = _layer.Schedule(Partition, 64 * timers.T1, static s => ((SipClientTransaction)s!).OnTimeoutTimer(), this);
    }

    public void OnResponse(SipResponse response)
    {
        var code = response.StatusCode;
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding:
                if (code < 200)
                {
                    if (IsInvite)
                    {
                        // Timer A stops once anything is heard; Timer E keeps going at T2 (17.1.2.2).
                        _retransmit?.Cancel();
                    }

                    State = SipTransactionState.Proceeding;
                    User.OnResponse(this, response);
                    return;
                }

                _retransmit?.Cancel();
                _timeout?.Cancel();
                if (IsInvite && code < 300)
                {
                    Terminate();
                    User.OnResponse(this, response);
                    return;
                }

                State = SipTransactionState.Completed;
                _layer.Metrics.TransactionLingering();
                if (IsInvite)
                {
                    _ack = BuildAck(response);
                    SipTransactionLayer.Send(Transport, _ack, Destination, 0);
                }

                User.OnResponse(this, response);
                var linger = Transport.IsReliable ? TimeSpan.Zero : IsInvite ? TimeSpan.FromSeconds(32) : _layer.Timers.T4;
                if (linger == TimeSpan.Zero)
                {
                    Terminate();
                }
                else
                {
                    _linger = _layer.Schedule(Partition, linger, static s => ((SipClientTransaction)s!).Terminate(), this);
                }

                return;
            case SipTransactionState.Completed:
                if (IsInvite && code >= 300 && _ack is not null)
                {
                    // The final was retransmitted: our ACK was lost (17.1.1.2).
                    SipTransactionLayer.Send(Transport, _ack, Destination, 0);
                    _layer.Metrics.Retransmitted("ACK");
                }

                return;
            default:
                return;
        }
    }

    public void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        if (State == SipTransactionState.Completed)
        {
            _layer.Metrics.TransactionStoppedLingering();
        }

        State = SipTransactionState.Terminated;
        _retransmit?.Cancel();
        _timeout?.Cancel();
        _linger?.Cancel();
        _layer.Remove(this);
    }

    private void OnRetransmitTimer()
    {
        if (State is not (SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        SipTransactionLayer.Send(Transport, _bytes, Destination, 0);
        _layer.Metrics.Retransmitted(Request.MethodName);
        var t2 = _layer.Timers.T2;
        _interval = IsInvite ? _interval * 2 : State == SipTransactionState.Proceeding ? t2 : (_interval * 2 < t2 ? _interval * 2 : t2);
        _retransmit = _layer.Schedule(Partition, _interval, static s => ((SipClientTransaction)s!).OnRetransmitTimer(), this);
    }

    private void OnTimeoutTimer()
    {
        if (State is SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding)
        {
            if (IsInvite && State == SipTransactionState.Proceeding)
            {
                // Timer B only guards the Calling state; once ringing, the TU decides how long to wait.
                return;
            }

            Terminate();
            _layer.OnClientTimeout(this);
            User.OnTimeout(this);
        }
    }

    private byte[] BuildAck(SipResponse response)
    {
        var ack = SipMessageBuilder.Request(SipMethod.Ack, Request.RequestUri.ToString());
        var firstVia = Request.IndexOf(SipHeaderKind.Via, 0);
        ack.AddRawHeader("Via", Request.ValueMemory(firstVia))
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .CopyHeaders(Request, SipHeaderKind.From)
            .CopyHeaders(response, SipHeaderKind.To)
            .CopyHeaders(Request, SipHeaderKind.CallId)
            .AddHeader(SipHeaderKind.CSeq, string.Create(CultureInfo.InvariantCulture, $"{Request.CSeq.Number} ACK"))
            .CopyHeaders(Request, SipHeaderKind.Route);
        return ack.ToArray();
    }
}
