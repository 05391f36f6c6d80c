using System.Buffers.Binary;
using Telephony.Ivr.Prompts;

namespace Telephony.Ivr.Tests.Prompts;

public sealed class PcmAudioTests
{
    [Fact]
    public void ToWav_then_FromWav_returns_the_samples_and_duration()
    {
        var samples = new byte[16000];
        BinaryPrimitives.WriteInt16LittleEndian(samples.AsSpan(100), 1234);

        var back = PcmAudio.FromWav(new PcmAudio(samples).ToWav());

        Assert.Equal(samples, back.Samples.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(1), back.Duration);
    }

    [Fact]
    public void FromWav_skips_extra_chunks_before_the_data()
    {
        var wav = new PcmAudio(new byte[] { 1, 0, 2, 0 }).ToWav();
        var list = new byte[] { (byte)'L', (byte)'I', (byte)'S', (byte)'T', 3, 0, 0, 0, 9, 9, 9, 0 };
        var withList = wav[..36].Concat(list).Concat(wav[36..]).ToArray();

        var back = PcmAudio.FromWav(withList);

        Assert.Equal(new byte[] { 1, 0, 2, 0 }, back.Samples.ToArray());
    }

    [Fact]
    public void FromWav_refuses_a_rate_other_than_8_kHz()
    {
        var wav = new PcmAudio(new byte[8]).ToWav();
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 16000);

        var refused = Assert.Throws<InvalidDataException>(() => PcmAudio.FromWav(wav));

        Assert.Contains("16000 Hz", refused.Message, StringComparison.Ordinal);
    }
}
