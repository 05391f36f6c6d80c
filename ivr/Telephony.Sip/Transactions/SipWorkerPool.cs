using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Telephony.Sip.Transactions;

/// <summary>
/// A fixed set of single-reader workers; the messages, timers and TU calls of one Call-ID always go to the same worker,
/// so they are handled in order and the transaction and dialog tables of a worker need no locks. With zero workers
/// everything runs inline, one item at a time (a trampoline: work posted while an item runs waits for it), which
/// tests use with the loop network and a fake clock.
/// </summary>
internal sealed class SipWorkerPool : IAsyncDisposable
{
    private readonly Channel<SipWorkItem>[] _channels;
    private readonly Task[] _workers;
    private readonly ILogger _logger;
    private readonly Queue<SipWorkItem> _inline = new();
    private readonly Lock _inlineGate = new();
    private bool _inlineDraining;

    public SipWorkerPool(int workerCount, ILogger logger)
    {
        _logger = logger;
        _channels = new Channel<SipWorkItem>[workerCount];
        _workers = new Task[workerCount];
        for (var i = 0; i < workerCount; i++)
        {
            var channel = Channel.CreateUnbounded<SipWorkItem>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
            _channels[i] = channel;
            _workers[i] = Task.Run(() => RunAsync(channel.Reader));
        }
    }

    /// <summary>How many tables the layers above keep (one per worker, one when inline).</summary>
    public int PartitionCount => Math.Max(1, _channels.Length);

    public int PartitionOf(string callId)
    {
        if (_channels.Length <= 1)
        {
            return 0;
        }

        var hash = (uint)string.GetHashCode(callId, StringComparison.Ordinal);
        return (int)(hash % (uint)_channels.Length);
    }

    public void Post(string callId, Action<object?> action, object? state) => Post(PartitionOf(callId), action, state);

    public void Post(int partition, Action<object?> action, object? state)
    {
        var item = new SipWorkItem(action, state);
        if (_channels.Length == 0)
        {
            RunInline(item);
            return;
        }

        _channels[partition].Writer.TryWrite(item);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(_workers);
    }

    private void RunInline(SipWorkItem item)
    {
        lock (_inlineGate)
        {
            _inline.Enqueue(item);
            if (_inlineDraining)
            {
                return;
            }

            _inlineDraining = true;
        }

        while (true)
        {
            SipWorkItem next;
            lock (_inlineGate)
            {
                if (!_inline.TryDequeue(out next))
                {
                    _inlineDraining = false;
                    return;
                }
            }

            Run(next);
        }
    }

    private async Task RunAsync(ChannelReader<SipWorkItem> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                Run(item);
            }
        }
    }

    private void Run(SipWorkItem item)
    {
        try
        {
            item.Action(item.State);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SipLog.WorkItemFailed(_logger, exception);
        }
    }
}
