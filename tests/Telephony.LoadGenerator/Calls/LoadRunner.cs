using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Telephony.LoadGenerator.Rtp;
using Telephony.LoadGenerator.Sip;
using Telephony.Sip.Messages;

namespace Telephony.LoadGenerator.Calls;

/// <summary>
/// Runs a load: one driver thread (the caller's) paces everything on a 5 ms grid — it starts calls on schedule, handles
/// the SIP that the channels' threads queued, retransmits, sends each answered call's RTP every 20 ms and hangs calls
/// up when their hold time is up. RTP is received by one epoll thread for all calls. No thread or timer per call.
/// </summary>
internal sealed partial class LoadRunner : IDisposable
{
    private static readonly long TickTicks = Stopwatch.Frequency / 200;
    private static readonly long PacketTicks = Stopwatch.Frequency / 50;
    private static readonly long T1Ticks = Stopwatch.Frequency / 2;
    private static readonly long ByeTimeoutTicks = Stopwatch.Frequency * 8;

    private readonly LoadOptions _options;
    private readonly TextWriter? _progress;
    private readonly ConcurrentQueue<SipMessage> _inbox = new();
    private readonly SipChannel[] _channels;
    private readonly RtpReceiveLoop _receiveLoop;
    private readonly RtpPortPool _pool;
    private readonly Dictionary<string, LoadCall> _calls = new(StringComparer.Ordinal);
    private readonly List<LoadCall> _active = [];
    private readonly List<LoadCall> _finished = [];
    private readonly byte[] _packet = new byte[12 + 160];
    private readonly string _runId = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))[..8];
    private readonly string _target;
    private readonly long _holdTicks;
    private readonly long _setupTimeoutTicks;
    private readonly long _gapTicks;
    private int _answeredNow;
    private int _peakAnswered;
    private long _rtpSent;
    private long _rtpSendErrors;

    public LoadRunner(LoadOptions options, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _progress = progress;
        _target = options.Target.ToString();
        _holdTicks = (long)(options.Hold.TotalSeconds * Stopwatch.Frequency);
        _setupTimeoutTicks = (long)(options.SetupTimeout.TotalSeconds * Stopwatch.Frequency);
        _gapTicks = (long)(options.MaxGap.TotalSeconds * Stopwatch.Frequency);
        _receiveLoop = new RtpReceiveLoop();
        _pool = new RtpPortPool(IPAddress.Loopback, options.RtpPortMin, options.RtpPortMax, _receiveLoop);
        _channels = new SipChannel[options.SipSockets];
        for (var i = 0; i < _channels.Length; i++)
        {
            _channels[i] = new SipChannel(options.Target, _inbox);
        }

        _packet.AsSpan(12).Fill(0xFF); // PCMU silence
    }

    /// <summary>Offers every call, waits until each has ended, and returns the figures. Cancelling hangs up the calls in progress.</summary>
    public LoadReport Run(CancellationToken cancellationToken)
    {
        var total = _options.TotalCalls;
        var interval = Stopwatch.Frequency / _options.CallsPerSecond;
        var start = Stopwatch.GetTimestamp();
        var nextTick = start;
        var nextProgress = start + (Stopwatch.Frequency * 5);
        var started = 0;
        while (started < total || _active.Count > 0)
        {
            var now = Stopwatch.GetTimestamp();
            if (cancellationToken.IsCancellationRequested && started < total)
            {
                total = started;
                _active.Where(c => c.State == LoadCallState.Answered).ToList().ForEach(c => c.HangUpAt = now);
            }

            DrainInbox(now);
            while (started < total && now >= start + (long)(started * interval))
            {
                StartCall(started++, now);
            }

            for (var i = _active.Count - 1; i >= 0; i--)
            {
                var call = _active[i];
                Service(call, now);
                if (call.State == LoadCallState.Done)
                {
                    _active[i] = _active[^1];
                    _active.RemoveAt(_active.Count - 1);
                }
            }

            if (now >= nextProgress)
            {
                nextProgress += Stopwatch.Frequency * 5;
                _progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Stopwatch.GetElapsedTime(start).TotalSeconds,5:F0} s: offered {started}, answered now {_answeredNow}, finished {_finished.Count}, failed {_finished.Count(c => c.Failure != CallFailure.None)}"));
            }

            nextTick += TickTicks;
            var wait = nextTick - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }
            else if (-wait > TickTicks * 4)
            {
                nextTick = Stopwatch.GetTimestamp(); // Overloaded: do not try to catch up with a burst.
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return new LoadReport(_options, [.. _finished.OrderBy(c => c.Index).Select(c => CallOutcome.Of(c, start))], elapsed, _peakAnswered,
            Interlocked.Read(ref _rtpSent), Interlocked.Read(ref _rtpSendErrors), _receiveLoop.StrayPackets, _receiveLoop.UnstampedPackets,
            _pool.Bound, _channels.Sum(c => c.Unreadable));
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _receiveLoop.Dispose();
        _pool.Dispose();
    }

    private void StartCall(int index, long now)
    {
        var slot = _pool.Rent(now);
        var stats = new RtpStreamStats(_gapTicks);
        var channel = _channels[index % _channels.Length];
        var callId = string.Create(CultureInfo.InvariantCulture, $"{_runId}-{index}@127.0.0.1");
        if (slot is null)
        {
            var failed = new LoadCall(index, callId, channel, null, stats) { State = LoadCallState.Done, Failure = CallFailure.NoLocalPort, InvitedAt = now };
            _finished.Add(failed);
            return;
        }

        slot.Stats = stats;
        var user = string.Create(CultureInfo.InvariantCulture, $"load{index}");
        var fromTag = string.Create(CultureInfo.InvariantCulture, $"{_runId}{index:x}");
        var call = new LoadCall(index, callId, channel, slot, stats)
        {
            State = LoadCallState.Inviting,
            From = $"<sip:{user}@127.0.0.1>;tag={fromTag}",
            To = $"<sip:{_options.Number}@{_target}>",
            RequestUri = $"sip:{_options.Number}@{_target}",
            InviteBranch = Branch(index, 'i'),
            InvitedAt = now,
            RetransmitInterval = T1Ticks,
            NextRetransmitAt = now + T1Ticks,
            RtpSsrc = (uint)Random.Shared.Next(),
            RtpSequence = (ushort)Random.Shared.Next(0x10000),
            RtpTimestamp = (uint)Random.Shared.Next(),
        };
        call.InviteText = SipText.Invite(_options.Number, _target, channel.LocalPort, user, callId, fromTag, call.InviteBranch, slot.Port);
        _calls[callId] = call;
        _active.Add(call);
        channel.Send(call.InviteText);
    }

    private void Service(LoadCall call, long now)
    {
        switch (call.State)
        {
            case LoadCallState.Inviting when now - call.InvitedAt > _setupTimeoutTicks:
                Finish(call, CallFailure.NoAnswer, now);
                break;
            case LoadCallState.Inviting when !call.Provisional && now >= call.NextRetransmitAt:
                Retransmit(call, call.InviteText, now);
                break;
            case LoadCallState.Answered:
                if (_options.SendRtp)
                {
                    SendDueRtp(call, now);
                }

                if (now >= call.HangUpAt)
                {
                    SendBye(call, now);
                }

                break;
            case LoadCallState.Ending when now - call.ByeSentAt > ByeTimeoutTicks:
                Finish(call, CallFailure.ByeUnanswered, now);
                break;
            case LoadCallState.Ending when now >= call.NextRetransmitAt:
                Retransmit(call, call.ByeText, now);
                break;
            default:
                break;
        }
    }

    private static void Retransmit(LoadCall call, string text, long now)
    {
        call.Channel.Send(text);
        call.RetransmitInterval = Math.Min(call.RetransmitInterval * 2, T1Ticks * 8);
        call.NextRetransmitAt = now + call.RetransmitInterval;
    }

    private void SendDueRtp(LoadCall call, long now)
    {
        if (now - call.NextRtpAt > PacketTicks * 5)
        {
            call.NextRtpAt = now; // The driver stalled: resume the stream rather than send a burst.
        }

        while (now >= call.NextRtpAt && call.RtpRemote is { } remote)
        {
            var header = _packet.AsSpan(0, 12);
            header[0] = 0x80;
            header[1] = call.RtpPacketsSent == 0 ? (byte)0x80 : (byte)0x00; // marker on the first packet, PCMU
            BinaryPrimitives.WriteUInt16BigEndian(header[2..], call.RtpSequence++);
            BinaryPrimitives.WriteUInt32BigEndian(header[4..], call.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(header[8..], call.RtpSsrc);
            call.RtpTimestamp += 160;
            call.NextRtpAt += PacketTicks;
            try
            {
                call.Slot!.RtpSocket.SendTo(_packet, SocketFlags.None, remote);
                _rtpSent++;
                call.RtpPacketsSent++;
            }
            catch (SocketException)
            {
                _rtpSendErrors++;
            }
        }
    }

    private string Branch(int index, char purpose) => string.Create(CultureInfo.InvariantCulture, $"z9hG4bK{_runId}{index:x}{purpose}");
}
