using Telephony.Calls.Tests.Support;
using Telephony.Media.Rtcp;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class CallMediaRtcpTests : IDisposable
{
    private readonly MediaHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void OnHousekeeping_after_sending_sends_a_sender_report_with_our_counts()
    {
        var (media, transport) = _harness.CreateLeg();
        _harness.Run(TimeSpan.FromMilliseconds(100));

        media.OnHousekeeping(_harness.Time.GetTimestamp());

        var report = Assert.Single(transport.Rtcp);
        Assert.Equal(RtcpParseError.None, RtcpCompoundReader.Validate(report));
        var reader = new RtcpCompoundReader(report);
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpPacketType.SenderReport, first.Type);
        Assert.Equal(media.Ssrc, first.Ssrc);
        Assert.Equal((uint)transport.Rtp.Count, first.SenderInfo.PacketCount);
    }

    [Fact]
    public void OnRtcp_receiver_report_on_our_stream_gives_round_trip_time()
    {
        var (media, transport) = _harness.CreateLeg();
        for (ushort sequence = 1; sequence <= 3; sequence++)
        {
            media.OnRtp(RtpPackets.Silence(0xFEED, sequence, sequence * 160u), _harness.Time.GetTimestamp());
        }

        _harness.Run(TimeSpan.FromMilliseconds(40));
        media.OnHousekeeping(_harness.Time.GetTimestamp());
        var reader = new RtcpCompoundReader(transport.Rtcp[0]);
        Assert.True(reader.TryReadNext(out var senderReport));
        var lastSenderReport = NtpTimestamp.Middle32(senderReport.SenderInfo.NtpTimestamp);

        // The peer holds our SR for 100 ms before reporting; the network adds 200 ms both ways together.
        _harness.Time.Advance(TimeSpan.FromMilliseconds(300));
        var buffer = new byte[128];
        var builder = new RtcpCompoundBuilder(buffer);
        builder.AddReceiverReport(0xFEED, [new RtcpReportBlock(media.Ssrc, 0, 0, 0, 0, lastSenderReport, 65536 / 10)]);
        builder.AddSourceDescription(0xFEED, "peer"u8);
        media.OnRtcp(builder.WrittenSpan, _harness.Time.GetTimestamp());

        Assert.NotNull(media.RoundTripTime);
        Assert.InRange(media.RoundTripTime.Value.TotalMilliseconds, 199, 201);
        Assert.True(media.Statistics.Mos > 4);
    }
}
