using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 17): matches requests and responses to transactions, creates server transactions
/// for new requests, answers CANCEL, merged requests (482) and overload (503) itself, and drops stray ACKs and
/// responses. Every method runs on the worker of the message's Call-ID; each worker has its own tables.
/// </summary>
internal sealed partial class SipTransactionLayer
{
    private readonly SipTransactionTables[] _tables;
    private readonly SipTimerQueue _timers;
    private readonly ILogger _logger;
    private ISipTransactionUser? _user;
    private volatile bool _stopping;

    public SipTransactionLayer(SipStackOptions options, SipTimerQueue timers, SipWorkerPool workers, SipMetrics metrics, ILogger logger)
    {
        Timers = options;
        _timers = timers;
        Workers = workers;
        Metrics = metrics;
        _logger = logger;
        _tables = new SipTransactionTables[workers.PartitionCount];
        for (var i = 0; i < _tables.Length; i++)
        {
            _tables[i] = new SipTransactionTables();
        }
    }

    /// <summary>T1, T2 and T4.</summary>
    public SipStackOptions Timers { get; }

    public SipMetrics Metrics { get; }

    public SipWorkerPool Workers { get; }

    /// <summary>Stopping: new INVITEs get 503 while transactions in flight finish.</summary>
    public bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    public void Attach(ISipTransactionUser user) => _user = user;

    public SipTimer Schedule(int partition, TimeSpan delay, Action<object?> callback, object? state) => _timers.Schedule(partition, delay, callback, state);

    public static bool Send(ISipTransport transport, ReadOnlySpan<byte> bytes, IPEndPoint destination, long connectionId) =>
        transport.Send(bytes, destination, connectionId);

    public void OnRequest(SipRequest request, SipSource source, int partition)
    {
        var tables = _tables[partition];
        var method = request.Method;
        if (method == SipMethod.Ack)
        {
            if (tables.Server.TryGetValue(ServerKey(request, SipMethod.Invite), out var invite))
            {
                invite.OnRequest(request);
            }
            else
            {
                _user!.OnAck(request, source);
            }

            return;
        }

        var key = ServerKey(request, method);
        if (tables.Server.TryGetValue(key, out var existing))
        {
            existing.OnRequest(request);
            return;
        }

        if (method == SipMethod.Cancel)
        {
            HandleCancel(request, source, key, partition);
            return;
        }

        SipMergeKey? mergeKey = null;
        if (request.To.Tag is null)
        {
            mergeKey = MergeKey(request);
            if (tables.Merge.TryGetValue(mergeKey.Value, out var other) && other.Key != key)
            {
                // The same request reached us along two paths (8.2.2.2).
                SendStateless(request, source, 482, "Loop Detected");
                return;
            }

            // Lingering transactions only absorb retransmissions: at 600 calls a second the BYEs alone keep ~19,000 of
            // them for 32 s, and counting them as load refused calls the host could take.
            var lingering = Metrics.TransactionsLingering;
            if (Metrics.TransactionsInFlight - lingering >= Timers.MaxTransactions || lingering >= Timers.MaxLingeringTransactions
                || (_stopping && method == SipMethod.Invite))
            {
                Metrics.Overloaded();
                SipLog.Overloaded(_logger, source.Remote, (int)Metrics.TransactionsInFlight);
                SendStateless(request, source, 503, "Service Unavailable", Timers.RetryAfterSeconds);
                return;
            }
        }

        var transaction = new SipServerTransaction(this, request, source, key, partition) { MergeKey = mergeKey };
        tables.Server[key] = transaction;
        if (mergeKey is { } merge)
        {
            tables.Merge[merge] = transaction;
        }

        Metrics.TransactionStarted();
        if (transaction.IsInvite)
        {
            // Answer at once so the client stops retransmitting (17.2.1); the TU's own provisional follows.
            transaction.Respond(SipResponses.Create(request, transaction.StampedVia, 100, "Trying", null).ToArray(), 100);
        }

        _user!.OnRequest(transaction);
    }

    public void OnResponse(SipResponse response, SipSource source, int partition)
    {
        var tables = _tables[partition];
        var branch = response.Via.Count > 0 ? response.Via[0].Branch : null;
        if (branch is not null && tables.Client.TryGetValue(ClientKey(branch, response.CSeq.MethodName), out var transaction))
        {
            transaction.OnResponse(response);
            if (transaction.CancelPending && transaction.State == SipTransactionState.Proceeding)
            {
                transaction.CancelPending = false;
                SendCancel(transaction);
            }

            return;
        }

        _user!.OnStrayResponse(response, source);
    }

    /// <summary>Starts a client transaction for <paramref name="request"/> (its top Via carries a fresh branch).</summary>
    public SipClientTransaction StartClient(SipRequest request, byte[] bytes, ISipTransport transport, IPEndPoint destination, int partition, ISipClientTransactionUser user)
    {
        var key = ClientKey(request.Via[0].Branch!, request.CSeq.MethodName);
        var transaction = new SipClientTransaction(this, request, bytes, transport, destination, key, partition, user);
        _tables[partition].Client[key] = transaction;
        Metrics.TransactionStarted();
        transaction.Start();
        return transaction;
    }

    /// <summary>Cancels a pending INVITE (9.1): now if a provisional came, else on the first one.</summary>
    public void Cancel(SipClientTransaction invite)
    {
        if (invite.State == SipTransactionState.Proceeding)
        {
            SendCancel(invite);
        }
        else if (invite.State == SipTransactionState.Calling)
        {
            invite.CancelPending = true;
        }
    }

    public void SendResponse(SipServerTransaction transaction, byte[] response, int statusCode, bool retransmission)
    {
        Send(transaction.Source.Transport, response, transaction.Destination, transaction.Source.ConnectionId);
        if (retransmission)
        {
            Metrics.Retransmitted(transaction.Request.MethodName);
        }
        else
        {
            Metrics.ResponseSent(transaction.Request.MethodName, statusCode);
        }
    }

    /// <summary>Sends a response outside any transaction (482, 503, 481, rejections).</summary>
    public void SendStateless(SipRequest request, SipSource source, int statusCode, string reasonPhrase, int? retryAfterSeconds = null)
    {
        var response = SipResponses.Create(request, SipViaRouting.StampTopVia(request, source.Remote), statusCode, reasonPhrase, null);
        if (retryAfterSeconds is { } seconds)
        {
            response.AddHeader(SipHeaderKind.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture));
        }

        Send(source.Transport, response.ToArray(), SipViaRouting.ResponseDestination(request, source), source.ConnectionId);
        Metrics.ResponseSent(request.MethodName, statusCode);
    }

    public void Remove(SipServerTransaction transaction)
    {
        var tables = _tables[transaction.Partition];
        if (tables.Server.Remove(transaction.Key))
        {
            Metrics.TransactionEnded();
        }

        if (transaction.MergeKey is { } merge && tables.Merge.TryGetValue(merge, out var held) && held == transaction)
        {
            tables.Merge.Remove(merge);
        }
    }

    public void Remove(SipClientTransaction transaction)
    {
        if (_tables[transaction.Partition].Client.Remove(transaction.Key))
        {
            Metrics.TransactionEnded();
        }
    }

    public void OnClientTimeout(SipClientTransaction transaction) =>
        SipLog.TransactionTimedOut(_logger, transaction.Request.MethodName, transaction.Request.CallId);

    public void OnServerTimeout(SipServerTransaction transaction) =>
        SipLog.TransactionTimedOut(_logger, transaction.Request.MethodName, transaction.Request.CallId);

    private void HandleCancel(SipRequest cancel, SipSource source, SipServerKey key, int partition)
    {
        var tables = _tables[partition];
        if (!tables.Server.TryGetValue(ServerKey(cancel, SipMethod.Invite), out var invite))
        {
            SendStateless(cancel, source, 481, "Call/Transaction Does Not Exist");
            return;
        }

        // The CANCEL is a transaction of its own so a retransmitted CANCEL gets its 200 again (9.2).
        var transaction = new SipServerTransaction(this, cancel, source, key, partition);
        tables.Server[key] = transaction;
        Metrics.TransactionStarted();
        transaction.Respond(SipResponses.Create(cancel, transaction.StampedVia, 200, "OK", null).ToArray(), 200);
        if (invite.State == SipTransactionState.Proceeding && !invite.IsCancelled)
        {
            invite.IsCancelled = true;
            _user!.OnCancel(invite);
        }
    }

    private void SendCancel(SipClientTransaction invite)
    {
        var request = invite.Request;
        var cancel = SipMessageBuilder.Request(SipMethod.Cancel, request.RequestUri.ToString())
            .AddRawHeader("Via", request.ValueMemory(request.IndexOf(SipHeaderKind.Via, 0)))
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .CopyHeaders(request, SipHeaderKind.From)
            .CopyHeaders(request, SipHeaderKind.To)
            .CopyHeaders(request, SipHeaderKind.CallId)
            .AddHeader(SipHeaderKind.CSeq, string.Create(CultureInfo.InvariantCulture, $"{request.CSeq.Number} CANCEL"))
            .CopyHeaders(request, SipHeaderKind.Route);
        var bytes = cancel.ToArray();
        var parsed = (SipRequest)cancel.Build();
        StartClient(parsed, bytes, invite.Transport, invite.Destination, invite.Partition, SipIgnoringUser.Instance);
    }
}
