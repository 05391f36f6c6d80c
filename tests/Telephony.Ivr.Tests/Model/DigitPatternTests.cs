using Telephony.Ivr.Model;

namespace Telephony.Ivr.Tests.Model;

public sealed class DigitPatternTests
{
    [Theory]
    [InlineData("[0-9]{3}", "123", true)]
    [InlineData("[0-9]{3}", "1234", false)]
    [InlineData("^0[1-9][0-9]{8}$", "0501234567", true)]
    [InlineData("12|34", "1234", false)]
    [InlineData("12|34", "34", true)]
    public void Compile_matches_only_the_whole_input(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, DigitPattern.Compile(pattern).IsMatch(input));
    }

    [Fact]
    public void Compile_invalid_pattern_throws_argument_exception()
    {
        Assert.ThrowsAny<ArgumentException>(() => DigitPattern.Compile("[0-9"));
    }
}
