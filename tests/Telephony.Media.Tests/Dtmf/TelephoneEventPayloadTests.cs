using Telephony.Media.Dtmf;

namespace Telephony.Media.Tests.Dtmf;

public sealed class TelephoneEventPayloadTests
{
    [Theory]
    [InlineData("010a00a0", 1, false, 10, 160)]
    [InlineData("0b8a0320", 11, true, 10, 800)]
    [InlineData("0a3fffff", 10, false, 63, 65535)]
    [InlineData("05c00000", 5, true, 0, 0)]
    public void TryParse_reads_event_end_volume_duration(string hex, byte eventCode, bool end, byte volume, ushort duration)
    {
        Assert.True(TelephoneEventPayload.TryParse(Convert.FromHexString(hex), out var payload));
        Assert.Equal(new TelephoneEventPayload(eventCode, end, volume, duration), payload);
    }

    [Fact]
    public void TryParse_rejects_short_payload()
    {
        Assert.False(TelephoneEventPayload.TryParse([1, 2, 3], out _));
    }

    [Fact]
    public void Write_is_byte_exact_and_clears_reserved_bit()
    {
        var buffer = new byte[4];
        new TelephoneEventPayload(11, true, 10, 800).Write(buffer);
        Assert.Equal("0B8A0320", Convert.ToHexString(buffer));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    public void Digit_maps_to_event_code(char digit, byte code)
    {
        Assert.True(DtmfDigits.TryGetEvent(digit, out var eventCode));
        Assert.Equal(code, eventCode);
        Assert.True(DtmfDigits.TryGetDigit(code, out var back));
        Assert.Equal(char.ToUpperInvariant(digit), back);
    }

    [Fact]
    public void Flash_event_is_not_a_digit()
    {
        Assert.False(DtmfDigits.TryGetDigit(16, out _));
        Assert.False(DtmfDigits.TryGetEvent('x', out _));
    }
}
