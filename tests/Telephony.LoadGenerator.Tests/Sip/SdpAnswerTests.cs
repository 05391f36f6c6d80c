using Telephony.LoadGenerator.Sip;

namespace Telephony.LoadGenerator.Tests.Sip;

public sealed class SdpAnswerTests
{
    [Theory]
    [InlineData("pcmu-session-connection.sdp", true, "127.0.0.1", 20006, true)]
    [InlineData("pcmu-media-connection-lf.sdp", true, "10.0.0.9", 30000, true)]
    [InlineData("pcma-only.sdp", true, "127.0.0.1", 20008, false)]
    [InlineData("no-connection.sdp", false, null, 0, false)]
    public void TryParse_answer_file_gives_address_port_and_pcmu(string file, bool parses, string? address, int port, bool pcmu)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Sip", "Data", file));

        var ok = SdpAnswer.TryParse(body, out var answer);

        Assert.Equal(parses, ok);
        if (parses)
        {
            Assert.Equal(new SdpAnswer(address!, port, pcmu), answer);
        }
    }
}
