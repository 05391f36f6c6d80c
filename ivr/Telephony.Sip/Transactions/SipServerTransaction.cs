using System.Net;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>
/// INVITE server (RFC 3261 17.2.1, figure 7) and non-INVITE server (17.2.2, figure 8) transactions. Runs on its
/// Call-ID's worker. Retransmitted requests get the last response again; the ACK for a non-2xx final is absorbed here.
/// </summary>
internal sealed class SipServerTransaction
{
    private readonly SipTransactionLayer _layer;
    private byte[]? _lastResponse;
    private SipTimer? _timerG;
    private SipTimer? _timerH;
    private SipTimer? _timerIJ;
    private TimeSpan _intervalG;

    public SipServerTransaction(SipTransactionLayer layer, SipRequest request, SipSource source, SipServerKey key, int partition)
    {
        _layer = layer;
        Request = request;
        Source = source;
        Key = key;
        Partition = partition;
        IsInvite = request.Method == SipMethod.Invite;
        Destination = SipViaRouting.ResponseDestination(request, source);
        StampedVia = SipViaRouting.StampTopVia(request, source.Remote);
        State = IsInvite ? SipTransactionState.Proceeding : SipTransactionState.Trying;
    }

    public SipRequest Request { get; }

    public SipSource Source { get; }

    public SipServerKey Key { get; }

    public int Partition { get; }

    public bool IsInvite { get; }

    public IPEndPoint Destination { get; }

    /// <summary>The top Via with received/rport (RFC 3581) for responses; null when the Via is used as received.</summary>
    public byte[]? StampedVia { get; }

    public SipTransactionState State { get; private set; }

    public int LastStatusCode { get; private set; }

    /// <summary>The merge key (8.2.2.2) this transaction holds, for removal.</summary>
    public SipMergeKey? MergeKey { get; set; }

    /// <summary>Set when a CANCEL for this INVITE arrived.</summary>
    public bool IsCancelled { get; set; }

    /// <summary>What the TU attached (the SipServerRequest handed up).</summary>
    public object? UserState { get; set; }

    /// <summary>The TU's response. False when the transaction no longer takes one (already final or terminated).</summary>
    public bool Respond(byte[] response, int statusCode)
    {
        if (State is SipTransactionState.Completed or SipTransactionState.Confirmed or SipTransactionState.Terminated)
        {
            return false;
        }

        _lastResponse = response;
        LastStatusCode = statusCode;
        _layer.SendResponse(this, response, statusCode, retransmission: false);
        if (statusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            return true;
        }

        if (IsInvite && statusCode < 300)
        {
            // The TU (UAS core) retransmits a 2xx until the ACK (17.2.1): this transaction is done.
            Terminate();
            return true;
        }

        State = SipTransactionState.Completed;
        _layer.Metrics.TransactionLingering();
        var timers = _layer.Timers;
        if (IsInvite)
        {
            if (!Source.Transport.IsReliable)
            {
                _intervalG = timers.T1;
                _timerG = _layer.Schedule(Partition, _intervalG, static s => ((SipServerTransaction)s!).OnTimerG(), this);
            }

            _timerH = _layer.Schedule(Partition, 64 * timers.T1, static s => ((SipServerTransaction)s!).OnTimerH(), this);
        }
        else if (Source.Transport.IsReliable)
        {
            Terminate();
        }
        else
        {
            _timerIJ = _layer.Schedule(Partition, 64 * timers.T1, static s => ((SipServerTransaction)s!).Terminate(), this);
        }

        return true;
    }

    /// <summary>A retransmission of the request, or (INVITE) the ACK for a non-2xx final.</summary>
    public void OnRequest(SipRequest request)
    {
        if (request.Method == SipMethod.Ack)
        {
            if (IsInvite && State == SipTransactionState.Completed)
            {
                State = SipTransactionState.Confirmed;
                _timerG?.Cancel();
                _timerH?.Cancel();
                if (Source.Transport.IsReliable)
                {
                    Terminate();
                }
                else
                {
                    _timerIJ = _layer.Schedule(Partition, _layer.Timers.T4, static s => ((SipServerTransaction)s!).Terminate(), this);
                }
            }

            return;
        }

        if (_lastResponse is not null && State is SipTransactionState.Proceeding or SipTransactionState.Completed)
        {
            _layer.SendResponse(this, _lastResponse, LastStatusCode, retransmission: true);
        }
    }

    public void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        if (State is SipTransactionState.Completed or SipTransactionState.Confirmed)
        {
            _layer.Metrics.TransactionStoppedLingering();
        }

        State = SipTransactionState.Terminated;
        _timerG?.Cancel();
        _timerH?.Cancel();
        _timerIJ?.Cancel();
        _layer.Remove(this);
    }

    private void OnTimerG()
    {
        if (State != SipTransactionState.Completed || _lastResponse is null)
        {
            return;
        }

        _layer.SendResponse(this, _lastResponse, LastStatusCode, retransmission: true);
        _intervalG = _intervalG * 2 < _layer.Timers.T2 ? _intervalG * 2 : _layer.Timers.T2;
        _timerG = _layer.Schedule(Partition, _intervalG, static s => ((SipServerTransaction)s!).OnTimerG(), this);
    }

    private void OnTimerH()
    {
        if (State == SipTransactionState.Completed)
        {
            // No ACK came: give up (17.2.1).
            _layer.OnServerTimeout(this);
            Terminate();
        }
    }
}
