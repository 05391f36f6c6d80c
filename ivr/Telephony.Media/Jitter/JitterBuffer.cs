namespace Telephony.Media.Jitter;

/// <summary>
/// Reorders the packets of one received stream by sequence number and releases them one per
/// playout tick, for paths that decode (recording, IVR digit and speech handling, transcoding).
/// The receive thread calls <see cref="Put"/>, the media tick calls <see cref="Read"/>; a short
/// lock guards the ring, whose slots are preallocated so no packet allocates.
/// <para>
/// Playout starts once the target depth is buffered. A gap at the playout point yields
/// <see cref="JitterFrameKind.Missing"/> (the caller conceals it, see <see cref="PcmConcealment"/>).
/// When adaptive, a packet that arrives after its slot was played deepens the buffer by one (up to
/// the maximum), and a buffer that stays deeper than the target for a while drops one frame to
/// cut the delay (down to the minimum). A packet far outside the window (the sender restarted)
/// flushes the buffer and starts again from it.
/// </para>
/// </summary>
public sealed class JitterBuffer
{
    private const int Capacity = 128;
    private const int RestartDistance = Capacity / 2;

    private readonly JitterBufferOptions _options;
    private readonly Lock _lock = new();
    /// <summary>The ring's payload slots, end to end (slot i at i × MaxPayloadSize); allocated with the first packet.</summary>
    private byte[]? _payloads;
    private readonly int[] _lengths = new int[Capacity];
    private readonly bool[] _present = new bool[Capacity];
    private readonly long[] _sequences = new long[Capacity];
    private bool _started;
    private bool _playing;
    private long _highest;
    private long _playout;
    private int _ticksAboveTarget;
    private int _restartCandidate = -1;
    private int _pendingStretch;
    private long _playedUpTo = long.MinValue;

    /// <summary>Creates an empty buffer.</summary>
    public JitterBuffer(JitterBufferOptions? options = null)
    {
        _options = options ?? new JitterBufferOptions();
        _options.Validate();
        TargetDepth = _options.InitialDepth;
    }

    /// <summary>The current target depth in packets.</summary>
    public int TargetDepth { get; private set; }

    /// <summary>Packets that arrived after their playout slot and were dropped.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Duplicate packets dropped.</summary>
    public long DuplicatePackets { get; private set; }

    /// <summary>Playout ticks that had no packet (lost or late).</summary>
    public long MissingFrames { get; private set; }

    /// <summary>Frames dropped to shrink the delay.</summary>
    public long DroppedFrames { get; private set; }

    /// <summary>Packets waiting, including the one due next.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return BufferedCount();
            }
        }
    }

    /// <summary>
    /// Stores a received packet's payload. Returns false when it was dropped (late, duplicate or too
    /// large). Called from the receive thread.
    /// </summary>
    public bool Put(ushort sequence, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _options.MaxPayloadSize)
        {
            return false;
        }

        lock (_lock)
        {
            var extended = Extend(sequence);
            if (_started && Math.Abs(extended - _highest) > RestartDistance)
            {
                // Far outside the window: garbage, or a sender that restarted. As in RFC 3550 A.1,
                // believe a restart only when the next packet follows on from this one.
                if (sequence != _restartCandidate)
                {
                    _restartCandidate = (ushort)(sequence + 1);
                    return false;
                }

                Flush();
                extended = sequence;
            }

            if (!_started)
            {
                _started = true;
                _highest = extended;
                _playout = extended;
            }

            if (extended < _playout && !_playing && extended >= _playedUpTo)
            {
                // Still buffering: an earlier packet that overtook nothing yet moves the start back.
                _playout = extended;
            }

            if (extended < _playout)
            {
                LatePackets++;
                if (_options.Adaptive && _playing && TargetDepth < _options.MaxDepth)
                {
                    // Deepen by one frame: the next playout tick conceals instead of advancing.
                    TargetDepth++;
                    _pendingStretch++;
                }

                return false;
            }

            var slot = (int)(extended & (Capacity - 1));
            if (_present[slot] && _sequences[slot] == extended)
            {
                DuplicatePackets++;
                return false;
            }

            _payloads ??= new byte[Capacity * _options.MaxPayloadSize];
            payload.CopyTo(_payloads.AsSpan(slot * _options.MaxPayloadSize, _options.MaxPayloadSize));
            _lengths[slot] = payload.Length;
            _sequences[slot] = extended;
            _present[slot] = true;
            _highest = Math.Max(_highest, extended);
            return true;
        }
    }

    /// <summary>
    /// Takes the frame for this playout tick into <paramref name="destination"/> (at least
    /// <see cref="JitterBufferOptions.MaxPayloadSize"/> bytes). <paramref name="length"/> is the payload
    /// length for <see cref="JitterFrameKind.Frame"/>, otherwise 0. Called from the media tick.
    /// </summary>
    public JitterFrameKind Read(Span<byte> destination, out int length)
    {
        length = 0;
        lock (_lock)
        {
            if (!_started)
            {
                return JitterFrameKind.Buffering;
            }

            if (!_playing)
            {
                if (_highest - _playout + 1 < TargetDepth)
                {
                    return JitterFrameKind.Buffering;
                }

                _playing = true;
            }

            if (_pendingStretch > 0)
            {
                _pendingStretch--;
                MissingFrames++;
                return JitterFrameKind.Missing;
            }

            SkipExcess();
            AdaptDown();
            var slot = (int)(_playout & (Capacity - 1));
            var kind = JitterFrameKind.Missing;
            if (_present[slot] && _sequences[slot] == _playout)
            {
                length = _lengths[slot];
                _payloads.AsSpan(slot * _options.MaxPayloadSize, length).CopyTo(destination);
                _present[slot] = false;
                kind = JitterFrameKind.Frame;
            }
            else
            {
                MissingFrames++;
            }

            _playout++;
            _playedUpTo = _playout;
            if (_playout > _highest + 1)
            {
                // Ran dry: everything received was played; rebuffer before playing on.
                _playing = false;
                _highest = _playout - 1;
            }

            return kind;
        }
    }

    /// <summary>Forgets every packet (after a re-INVITE or SSRC change).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            Flush();
        }
    }

    private void SkipExcess()
    {
        // A burst (the peer's own queue flushing) must not leave seconds of delay behind.
        if (_highest - _playout + 1 <= 2 * _options.MaxDepth)
        {
            return;
        }

        var target = _highest - TargetDepth + 1;
        for (; _playout < target; _playout++)
        {
            _present[(int)(_playout & (Capacity - 1))] = false;
            DroppedFrames++;
        }
    }

    private void AdaptDown()
    {
        if (!_options.Adaptive)
        {
            return;
        }

        var buffered = _highest - _playout + 1;
        _ticksAboveTarget = buffered > TargetDepth ? _ticksAboveTarget + 1 : 0;
        if (_ticksAboveTarget < _options.ShrinkAfterTicks)
        {
            return;
        }

        _ticksAboveTarget = 0;
        var slot = (int)(_playout & (Capacity - 1));
        if (_present[slot] && _sequences[slot] == _playout)
        {
            _present[slot] = false;
        }

        _playout++;
        DroppedFrames++;
        if (TargetDepth > _options.MinDepth)
        {
            TargetDepth--;
        }
    }

    private long Extend(ushort sequence)
    {
        if (!_started)
        {
            return sequence;
        }

        // Pick the 64-bit value nearest the highest sequence seen, so wrap-around stays ordered.
        var candidate = (_highest & ~0xFFFFL) | sequence;
        if (candidate - _highest > 0x8000)
        {
            candidate -= 0x10000;
        }
        else if (_highest - candidate > 0x8000)
        {
            candidate += 0x10000;
        }

        return candidate;
    }

    private int BufferedCount()
    {
        var count = 0;
        foreach (var present in _present)
        {
            count += present ? 1 : 0;
        }

        return count;
    }

    private void Flush()
    {
        Array.Clear(_present);
        _restartCandidate = -1;
        _pendingStretch = 0;
        _playedUpTo = long.MinValue;
        _started = false;
        _playing = false;
        _ticksAboveTarget = 0;
        TargetDepth = _options.InitialDepth;
    }
}
