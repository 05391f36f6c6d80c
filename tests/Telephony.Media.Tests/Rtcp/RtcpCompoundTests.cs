using System.Text;
using Telephony.Media.Rtcp;

namespace Telephony.Media.Tests.Rtcp;

public sealed class RtcpCompoundTests
{
    private static readonly RtcpReportBlock Block = new(0xCAFEBABE, 25, -3, 70000, 42, 0x1234_5678, 65536);

    [Fact]
    public void Sender_report_sdes_bye_round_trip()
    {
        var buffer = new byte[512];
        var builder = new RtcpCompoundBuilder(buffer);
        builder.AddSenderReport(0x11111111, new RtcpSenderInfo(0xE000_0000_8000_0000, 160000, 1000, 160000), [Block]);
        builder.AddSourceDescription(0x11111111, "agent@hotline"u8, RtcpSdesItemType.Tool, "telephony"u8);
        builder.AddBye(0x11111111, "hangup"u8);
        var datagram = builder.WrittenSpan;

        Assert.Equal(0, datagram.Length % 4);
        Assert.Equal(RtcpParseError.None, RtcpCompoundReader.Validate(datagram));

        var reader = new RtcpCompoundReader(datagram);
        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0x11111111u, sr.Ssrc);
        Assert.Equal(new RtcpSenderInfo(0xE000_0000_8000_0000, 160000, 1000, 160000), sr.SenderInfo);
        Assert.Equal(1, sr.Count);
        Assert.Equal(Block, sr.ReportBlock(0));

        Assert.True(reader.TryReadNext(out var sdes));
        var items = new List<(uint, RtcpSdesItemType, string)>();
        foreach (var item in sdes.SdesItems)
        {
            items.Add((item.Ssrc, item.ItemType, Encoding.ASCII.GetString(item.Value)));
        }

        Assert.Equal([(0x11111111u, RtcpSdesItemType.CanonicalName, "agent@hotline"), (0x11111111u, RtcpSdesItemType.Tool, "telephony")], items);

        Assert.True(reader.TryReadNext(out var bye));
        Assert.Equal(RtcpPacketType.Bye, bye.Type);
        Assert.Equal(0x11111111u, bye.ByeSource(0));
        Assert.Equal("hangup", Encoding.ASCII.GetString(bye.ByeReason));
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Receiver_report_is_byte_exact()
    {
        var buffer = new byte[64];
        var builder = new RtcpCompoundBuilder(buffer);
        builder.AddReceiverReport(0x01020304, [new RtcpReportBlock(0x0A0B0C0D, 0x40, 5, 0x0001_0010, 0x20, 0, 0)]);

        Assert.Equal(
            "81C90007" + "01020304" + "0A0B0C0D" + "40000005" + "00010010" + "00000020" + "00000000" + "00000000",
            Convert.ToHexString(builder.WrittenSpan));
    }

    [Fact]
    public void Sdes_chunk_is_padded_with_at_least_one_zero()
    {
        var buffer = new byte[64];
        var builder = new RtcpCompoundBuilder(buffer);

        // 4 (SSRC) + 2 + 2 = 8 bytes of items: a whole word of zeros must follow.
        builder.AddSourceDescription(1, "ab"u8);
        Assert.Equal("81CA0003" + "00000001" + "01026162" + "00000000", Convert.ToHexString(builder.WrittenSpan));
    }

    [Fact]
    public void Negative_cumulative_lost_round_trips_as_24_bit_signed()
    {
        var buffer = new byte[64];
        var builder = new RtcpCompoundBuilder(buffer);
        builder.AddReceiverReport(1, [Block with { CumulativeLost = RtcpReportBlock.MinCumulativeLost }]);
        var reader = new RtcpCompoundReader(builder.WrittenSpan);
        reader.TryReadNext(out var rr);
        Assert.Equal(RtcpReportBlock.MinCumulativeLost, rr.ReportBlock(0).CumulativeLost);
    }

    [Theory]
    [InlineData("81CA0001" + "00000001", RtcpParseError.FirstNotReport)]
    [InlineData("41C90001" + "00000001", RtcpParseError.BadVersion)]
    [InlineData("80C90002" + "00000001", RtcpParseError.Truncated)]
    [InlineData("81C90001" + "00000001", RtcpParseError.BadLength)]
    [InlineData("A0C90001" + "00000001" + "80CA0000", RtcpParseError.BadPadding)]
    [InlineData("80C9", RtcpParseError.Truncated)]
    [InlineData("80C90001" + "00000001" + "81CA0001" + "00000001", RtcpParseError.None)]
    public void Validate_applies_appendix_a2_checks(string hex, RtcpParseError expected)
    {
        Assert.Equal(expected, RtcpCompoundReader.Validate(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Builder_throws_when_buffer_is_full()
    {
        var buffer = new byte[20];
        Assert.Throws<ArgumentException>(() =>
        {
            var builder = new RtcpCompoundBuilder(buffer);
            builder.AddSenderReport(1, default, []);
        });
    }

    [Fact]
    public void Round_trip_time_subtracts_lsr_and_dlsr()
    {
        var block = Block with { LastSenderReport = 0x0001_0000, DelaySinceLastSenderReport = 0x0000_8000 };

        // Arrived 1.5 s after the SR was sent; the peer held it 0.5 s: RTT 1 s.
        Assert.Equal(TimeSpan.FromSeconds(1), block.RoundTripTime(0x0002_8000));
        Assert.Null((Block with { LastSenderReport = 0 }).RoundTripTime(5));
    }

    [Fact]
    public void Ntp_timestamp_round_trips_wall_clock()
    {
        var time = new DateTimeOffset(2026, 11, 27, 12, 0, 0, 250, TimeSpan.Zero);
        var ntp = NtpTimestamp.FromDateTimeOffset(time);
        Assert.Equal(0x4000_0000u, (uint)ntp);
        Assert.Equal(time, NtpTimestamp.ToDateTimeOffset(ntp));
    }
}
