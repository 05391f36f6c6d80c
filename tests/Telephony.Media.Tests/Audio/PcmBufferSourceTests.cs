using Telephony.Media.Audio;
using Telephony.Media.Wav;

namespace Telephony.Media.Tests.Audio;

public sealed class PcmBufferSourceTests
{
    [Fact]
    public void Buffer_plays_once_then_reports_the_end()
    {
        var source = new PcmBufferSource(Enumerable.Range(0, 200).Select(i => (short)i).ToArray());
        var frame = new short[160];

        Assert.Equal(160, source.Read(frame));
        Assert.Equal(40, source.Read(frame));
        Assert.Equal(160, frame[0]);
        Assert.Equal(0, source.Read(frame));
    }

    [Fact]
    public void Speech_test_file_loads_as_8k_mono_prompt()
    {
        var samples = PcmBufferSource.LoadWav(TestDataFiles.PathOf("speech-en-8k-mulaw.wav"));
        Assert.Equal(48000, samples.Length);
    }

    [Fact]
    public void Stereo_prompt_is_refused_with_the_file_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"prompt-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(path, WavFormat.Pcm8kStereo))
            {
                writer.WriteSamples(new short[320]);
            }

            var exception = Assert.Throws<InvalidDataException>(() => PcmBufferSource.LoadWav(path));
            Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
