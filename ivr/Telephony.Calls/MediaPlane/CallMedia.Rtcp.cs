using System.Text;
using Telephony.Media.Codecs;
using Telephony.Media.Rtcp;
using Telephony.Media.Sdp;

namespace Telephony.Calls.MediaPlane;

public sealed partial class CallMedia
{
    private readonly byte[] _rtcpBuffer = new byte[256];
    private long _nextRtcp;
    private long _roundTripTicks = -1;
    private int _inactiveRaised;

    /// <summary>The round-trip time from the peer's last report on our stream (RFC 3550 §6.4.1), or null before one.</summary>
    public TimeSpan? RoundTripTime => Interlocked.Read(ref _roundTripTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>RTCP compound packets received and accepted.</summary>
    public long RtcpPacketsReceived { get; private set; }

    /// <summary>RTCP reports we sent.</summary>
    public long RtcpReportsSent { get; private set; }

    /// <summary>Handles an RTCP datagram: SRs for our report's LSR/DLSR, report blocks about our SSRC for the round-trip time.</summary>
    public void OnRtcp(ReadOnlySpan<byte> datagram, long timestamp)
    {
        Interlocked.Exchange(ref _lastReceived, timestamp);
        if (RtcpCompoundReader.Validate(datagram) != RtcpParseError.None)
        {
            return;
        }

        RtcpPacketsReceived++;
        var arrivalMiddle = NtpTimestamp.Middle32(NtpTimestamp.FromDateTimeOffset(_timeProvider.GetUtcNow()));
        var reader = new RtcpCompoundReader(datagram);
        while (reader.TryReadNext(out var packet))
        {
            if (packet.Type is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport))
            {
                continue;
            }

            if (packet.Type == RtcpPacketType.SenderReport)
            {
                _inbound.Statistics?.OnSenderReport(packet.SenderInfo.NtpTimestamp, ArrivalOf(timestamp));
            }

            for (var i = 0; i < packet.Count; i++)
            {
                var block = packet.ReportBlock(i);
                if (block.Ssrc == _sender.Ssrc && block.RoundTripTime(arrivalMiddle) is { } roundTrip && roundTrip >= TimeSpan.Zero)
                {
                    Interlocked.Exchange(ref _roundTripTicks, roundTrip.Ticks);
                }
            }
        }
    }

    /// <summary>The engine's periodic check (one timer for all legs): reports a dead leg, sends RTCP when due.</summary>
    internal void OnHousekeeping(long now)
    {
        if (IsDisposed)
        {
            return;
        }

        var silentFor = _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastReceived), now);
        if (Audio.Direction.Receives() && silentFor >= _options.InactivityTimeout && Interlocked.Exchange(ref _inactiveRaised, 1) == 0)
        {
            CallMediaLog.LegInactive(_logger, _endpoint?.LocalPort ?? 0, silentFor.TotalSeconds);
            Inactive?.Invoke(this);
        }

        if (now >= _nextRtcp)
        {
            SendReport(bye: false);

            // RFC 3550 §6.2 randomises the interval to 0.5–1.5 of the mean so that reports of many legs do not align.
            var interval = _options.RtcpInterval * (0.5 + Random.Shared.NextDouble());
            _nextRtcp = now + (long)(interval.TotalSeconds * _timeProvider.TimestampFrequency);
        }
    }

    private void SendBye() => SendReport(bye: true);

    private void SendReport(bool bye)
    {
        // The housekeeping timer and teardown may both report at once; they share the buffer.
        lock (_rtcpBuffer)
        {
            WriteAndSendReport(bye);
        }
    }

    private void WriteAndSendReport(bool bye)
    {
        var builder = new RtcpCompoundBuilder(_rtcpBuffer);
        var statistics = _inbound.Statistics;
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        var blockCount = 0;
        if (statistics is { IsValid: true })
        {
            blocks[0] = statistics.CreateReportBlock(ArrivalOf(_timeProvider.GetTimestamp()));
            blockCount = 1;
        }

        lock (SendGate)
        {
            if (_sender.PacketCount > 0)
            {
                // The RTP timestamp of this instant (RFC 3550 §6.4.1): a tick running ahead has stamped packets that are still to leave.
                var ahead = (uint)(_scheduler.Lead.Ticks * G711.SampleRate / TimeSpan.TicksPerSecond);
                builder.AddSenderReport(_sender.Ssrc, _sender.CreateSenderInfo(_timeProvider.GetUtcNow(), unchecked(_sender.NextTimestamp - ahead)), blocks[..blockCount]);
            }
            else
            {
                builder.AddReceiverReport(_sender.Ssrc, blocks[..blockCount]);
            }
        }

        builder.AddSourceDescription(_sender.Ssrc, CanonicalName);
        if (bye)
        {
            builder.AddBye(_sender.Ssrc);
        }

        _transport.SendRtcp(builder.WrittenSpan);
        RtcpReportsSent++;
    }

    private ReadOnlySpan<byte> CanonicalName => _canonicalName ??= Encoding.ASCII.GetBytes($"telephony-{_sender.Ssrc:x8}");

    private byte[]? _canonicalName;
}
