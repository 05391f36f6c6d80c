namespace Telephony.Sip.Transactions;

/// <summary>One scheduled expiry on the <see cref="SipTimerQueue"/>; cancelling just marks it, the queue skips it.</summary>
internal sealed class SipTimer
{
    private volatile bool _cancelled;

    public SipTimer(long due, int partition, Action<object?> callback, object? state)
    {
        Partition = partition;
        Due = due;
        Callback = callback;
        State = state;
    }

    public long Due { get; }

    /// <summary>The worker the expiry runs on (the Call-ID's).</summary>
    public int Partition { get; }

    public Action<object?> Callback { get; }

    public object? State { get; }

    public bool IsCancelled => _cancelled;

    public void Cancel() => _cancelled = true;
}
