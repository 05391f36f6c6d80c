using System.Diagnostics.Metrics;
using Telephony.Sip.Parsing;

namespace Telephony.Sip;

/// <summary>The SIP stack's instruments, on the meter "Telephony.Sip".</summary>
public sealed class SipMetrics : IDisposable
{
    public const string MeterName = "Telephony.Sip";

    // Status codes boxed once: a tag value is an object, and boxing on every response would allocate.
    private static readonly object[] s_statusCodes = Enumerable.Range(0, 600).Select(static i => (object)(i + 100)).ToArray();

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _responses;
    private readonly Counter<long> _retransmissions;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _overloads;
    private readonly Counter<long> _rateLimited;
    private long _inFlight;
    private long _lingering;

    public SipMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("requests", description: "SIP requests received, by method");
        _responses = _meter.CreateCounter<long>("responses", description: "SIP responses sent, by method and status code");
        _retransmissions = _meter.CreateCounter<long>("retransmissions", description: "SIP retransmissions sent by the transaction layer");
        _rejections = _meter.CreateCounter<long>("parse_rejections", description: "Received messages the parser refused, by reason");
        _overloads = _meter.CreateCounter<long>("overload_rejections", description: "INVITEs refused with 503 because of the transaction bound or a stop");
        _rateLimited = _meter.CreateCounter<long>("rate_limited", description: "Requests dropped by the per-source rate limit");
        _meter.CreateObservableGauge("transactions_in_flight", () => Interlocked.Read(ref _inFlight), description: "SIP transactions not yet terminated");
        _meter.CreateObservableGauge("transactions_lingering", () => Interlocked.Read(ref _lingering), description: "SIP transactions past their final response, kept to absorb retransmissions");
    }

    public long TransactionsInFlight => Interlocked.Read(ref _inFlight);

    /// <summary>
    /// Transactions past their final response (Completed, Confirmed), kept only so a retransmission gets the same
    /// answer (RFC 3261 timers J, I, K, D: up to 32 s over UDP). They cost memory, not work.
    /// </summary>
    public long TransactionsLingering => Interlocked.Read(ref _lingering);

    public void Dispose() => _meter.Dispose();

    internal void RequestReceived(string method) => _requests.Add(1, new KeyValuePair<string, object?>("method", method));

    internal void ResponseSent(string method, int statusCode) =>
        _responses.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("code", statusCode is >= 100 and < 700 ? s_statusCodes[statusCode - 100] : statusCode));

    internal void Retransmitted(string method) => _retransmissions.Add(1, new KeyValuePair<string, object?>("method", method));

    internal void Rejected(SipRejectReason reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    internal void Overloaded() => _overloads.Add(1);

    internal void RateLimited() => _rateLimited.Add(1);

    internal void TransactionStarted() => Interlocked.Increment(ref _inFlight);

    internal void TransactionEnded() => Interlocked.Decrement(ref _inFlight);

    internal void TransactionLingering() => Interlocked.Increment(ref _lingering);

    internal void TransactionStoppedLingering() => Interlocked.Decrement(ref _lingering);
}
