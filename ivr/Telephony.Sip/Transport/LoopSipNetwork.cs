using System.Net;
using System.Text;

namespace Telephony.Sip.Transport;

/// <summary>
/// An in-process datagram network for tests (pjsip's loop transport): <see cref="LoopSipTransport"/>s attached to it
/// exchange messages without sockets. Switches drop, delay or duplicate what is sent; delays run on the
/// <see cref="TimeProvider"/>, so a fake clock steps them. Deliveries never nest: a message sent while another is being
/// delivered is queued and delivered after it, so each stack sees run-to-completion like a real receive thread.
/// </summary>
public sealed class LoopSipNetwork
{
    private readonly TimeProvider _time;
    private readonly Dictionary<IPEndPoint, LoopSipTransport> _attached = [];
    private readonly Queue<(LoopSipTransport Target, byte[] Bytes, IPEndPoint From)> _queue = new();
    private readonly Lock _gate = new();
    private bool _delivering;
    private int _dropNext;

    public LoopSipNetwork(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Every message sent is lost while set.</summary>
    public bool DropAll { get; set; }

    /// <summary>Messages whose text matches are lost (e.g. <c>text =&gt; text.StartsWith("ACK", ...)</c>).</summary>
    public Func<string, bool>? DropWhen { get; set; }

    /// <summary>Every message arrives this much later (on the network's TimeProvider).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every message arrives twice.</summary>
    public bool Duplicate { get; set; }

    /// <summary>Messages sent on the network, dropped ones included, as text, in order.</summary>
    public IList<string> Sent { get; } = new List<string>();

    /// <summary>Loses the next <paramref name="count"/> messages.</summary>
    public void DropNext(int count) => _dropNext = count;

    internal void Attach(LoopSipTransport transport)
    {
        lock (_gate)
        {
            _attached.Add(transport.LocalEndPoint, transport);
        }
    }

    internal void Detach(LoopSipTransport transport)
    {
        lock (_gate)
        {
            _attached.Remove(transport.LocalEndPoint);
        }
    }

    internal bool Send(ReadOnlySpan<byte> message, IPEndPoint from, IPEndPoint to)
    {
        var bytes = message.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        LoopSipTransport? target;
        lock (_gate)
        {
            Sent.Add(text);
            if (DropAll || (DropWhen?.Invoke(text) ?? false))
            {
                return true;
            }

            if (_dropNext > 0)
            {
                _dropNext--;
                return true;
            }

            if (!_attached.TryGetValue(to, out target))
            {
                return true;
            }
        }

        var copies = Duplicate ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            if (Delay > TimeSpan.Zero)
            {
                ITimer? timer = null;
                timer = _time.CreateTimer(
                    _ =>
                    {
                        Enqueue(target, bytes, from);
                        timer?.Dispose();
                    },
                    null,
                    Delay,
                    Timeout.InfiniteTimeSpan);
            }
            else
            {
                Enqueue(target, bytes, from);
            }
        }

        return true;
    }

    private void Enqueue(LoopSipTransport target, byte[] bytes, IPEndPoint from)
    {
        lock (_gate)
        {
            _queue.Enqueue((target, bytes, from));
            if (_delivering)
            {
                return;
            }

            _delivering = true;
        }

        while (true)
        {
            (LoopSipTransport Target, byte[] Bytes, IPEndPoint From) next;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out next))
                {
                    _delivering = false;
                    return;
                }
            }

            next.Target.Receive(next.Bytes, next.From);
        }
    }
}
