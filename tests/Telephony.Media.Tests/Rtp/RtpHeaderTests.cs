using System.Globalization;
using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Rtp;

public sealed class RtpHeaderTests
{
    public static TheoryData<string> VectorNames() => [.. TestDataFiles.ReadCsv("rtp-headers.csv").Select(row => row[0])];

    private static string[] Vector(string name) => TestDataFiles.ReadCsv("rtp-headers.csv").Single(row => row[0] == name);

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void TryParse_vector_gives_expected_fields(string name)
    {
        var row = Vector(name);
        var packet = Convert.FromHexString(row[1]);
        var error = RtpHeader.TryParse(packet, out var header);

        Assert.Equal(Enum.Parse<RtpParseError>(row[2]), error);
        if (error != RtpParseError.None)
        {
            return;
        }

        Assert.Equal(bool.Parse(row[3]), header.Marker);
        Assert.Equal(byte.Parse(row[4], CultureInfo.InvariantCulture), header.PayloadType);
        Assert.Equal(ushort.Parse(row[5], CultureInfo.InvariantCulture), header.SequenceNumber);
        Assert.Equal(uint.Parse(row[6], CultureInfo.InvariantCulture), header.Timestamp);
        Assert.Equal(uint.Parse(row[7], CultureInfo.InvariantCulture), header.Ssrc);
        Assert.Equal(int.Parse(row[8], CultureInfo.InvariantCulture), header.CsrcCount);
        Assert.Equal(int.Parse(row[9], CultureInfo.InvariantCulture), header.HeaderLength);
        Assert.Equal(int.Parse(row[10], CultureInfo.InvariantCulture), header.PayloadLength);
        Assert.Equal(int.Parse(row[11], CultureInfo.InvariantCulture), header.PaddingLength);
    }

    [Fact]
    public void Csrc_and_extension_data_are_readable_after_parse()
    {
        var packet = Convert.FromHexString("91001234000000001111111122222222abcd0001c0ffee00ff");
        Assert.Equal(RtpParseError.None, RtpHeader.TryParse(packet, out var header));
        Assert.Equal(0x22222222u, RtpHeader.ReadCsrc(packet, 0));
        Assert.Equal(0xABCD, header.ExtensionProfile);
        Assert.Equal(new byte[] { 0xC0, 0xFF, 0xEE, 0x00 }, header.ExtensionData(packet).ToArray());
        Assert.Equal(new byte[] { 0xFF }, header.PayloadOf(packet).ToArray());
    }

    [Fact]
    public void Write_then_parse_round_trips_all_fields()
    {
        var header = new RtpHeader(8, 65535, 0xFFFF_FF60, 0x0102_0304, marker: true) { ExtensionProfile = 0xBEDE };
        var buffer = new byte[64];
        var length = header.Write(buffer, [7u, 9u], [1, 2, 3, 4]);

        Assert.Equal(12 + 8 + 8, length);
        Assert.Equal(RtpParseError.None, RtpHeader.TryParse(buffer.AsSpan(0, length + 5), out var parsed));
        Assert.True(parsed.Marker);
        Assert.True(parsed.Extension);
        Assert.Equal(2, parsed.CsrcCount);
        Assert.Equal(8, parsed.PayloadType);
        Assert.Equal(65535, parsed.SequenceNumber);
        Assert.Equal(0xFFFF_FF60, parsed.Timestamp);
        Assert.Equal(0x0102_0304u, parsed.Ssrc);
        Assert.Equal(0xBEDE, parsed.ExtensionProfile);
        Assert.Equal(9u, RtpHeader.ReadCsrc(buffer, 1));
        Assert.Equal(5, parsed.PayloadLength);
    }

    [Fact]
    public void Write_fixed_header_is_byte_exact()
    {
        var buffer = new byte[12];
        new RtpHeader(0, 1, 160, 0xDEADBEEF).Write(buffer);
        Assert.Equal("80000001000000A0DEADBEEF", Convert.ToHexString(buffer));
    }

    [Fact]
    public void Write_rejects_short_destination_and_odd_extension()
    {
        var header = new RtpHeader(0, 1, 2, 3);
        Assert.Throws<ArgumentException>(() => header.Write(new byte[11]));
        Assert.Throws<ArgumentException>(() => header.Write(new byte[40], [], [1, 2, 3]));
    }

    [Fact]
    public void Appended_padding_is_parsed_back_and_excluded_from_payload()
    {
        var buffer = new byte[32];
        var length = new RtpHeader(0, 1, 2, 3).Write(buffer);
        buffer[length++] = 0x7F;
        length = RtpHeader.AppendPadding(buffer, length, 3);

        Assert.Equal(16, length);
        Assert.Equal(RtpParseError.None, RtpHeader.TryParse(buffer.AsSpan(0, length), out var header));
        Assert.True(header.Padding);
        Assert.Equal(3, header.PaddingLength);
        Assert.Equal(new byte[] { 0x7F }, header.PayloadOf(buffer.AsSpan(0, length)).ToArray());
    }
}
