using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>
/// The generator's RTP socket pairs on even ports of a range, bound on first need and reused: a returned pair rests
/// for a cool-down (so the server's last packets of the old call are not counted into the next one), then goes to
/// the back of the queue. Used by the driver thread only.
/// </summary>
internal sealed class RtpPortPool : IDisposable
{
    private static readonly long CoolDownTicks = Stopwatch.Frequency * 2;

    private readonly Queue<RtpSlot> _resting = new();
    private readonly List<RtpSlot> _slots = [];
    private readonly IPAddress _address;
    private readonly RtpReceiveLoop _loop;
    private readonly int _maxPort;
    private int _nextPort;

    public RtpPortPool(IPAddress address, int minPort, int maxPort, RtpReceiveLoop loop)
    {
        _address = address;
        _nextPort = minPort % 2 == 0 ? minPort : minPort + 1;
        _maxPort = maxPort;
        _loop = loop;
    }

    /// <summary>Pairs bound so far (the most calls that had media at once, plus those resting).</summary>
    public int Bound => _slots.Count;

    /// <summary>Ports of the range skipped because another process had them.</summary>
    public int PortsBusy { get; private set; }

    /// <summary>A rested pair, or a newly bound one; null when the range is exhausted.</summary>
    public RtpSlot? Rent(long now)
    {
        if (_resting.TryPeek(out var rested) && now - rested.ReleasedAt >= CoolDownTicks)
        {
            return _resting.Dequeue();
        }

        while (_nextPort + 1 <= _maxPort)
        {
            var port = _nextPort;
            _nextPort += 2;
            try
            {
                var slot = new RtpSlot(_slots.Count, _address, port);
                _slots.Add(slot);
                _loop.Add(slot);
                return slot;
            }
            catch (SocketException)
            {
                PortsBusy++;
            }
        }

        return null;
    }

    public void Return(RtpSlot slot, long now)
    {
        slot.Stats = null;
        slot.ReleasedAt = now;
        _resting.Enqueue(slot);
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Dispose();
        }
    }
}
