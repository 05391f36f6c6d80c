using Telephony.Ivr.Prompts;

namespace Telephony.Ivr.Tests.Prompts;

/// <summary>Uploaded recordings in common shapes become 8 kHz mono 16-bit prompts.</summary>
public sealed class SoxAudioTests
{
    [Theory]
    [InlineData("greeting.wav", "44100", "2")]
    [InlineData("greeting.mp3", "44100", "2")]
    [InlineData("greeting.WAV", "16000", "1")]
    public async Task ConvertUpload_makes_telephone_audio_of_the_same_length(string name, string rate, string channels)
    {
        var source = Path.Combine(Path.GetTempPath(), $"upload-src-{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}");
        var converted = Path.ChangeExtension(source, ".out.wav");
        try
        {
            await SoxStat.RunAsync("sox", "-n", "-r", rate, "-c", channels, source, "synth", "2", "sine", "440", "vol", "0.5");
            await using var upload = File.OpenRead(source);

            var audio = await SoxAudio.ConvertUploadAsync(upload, name, default);
            await File.WriteAllBytesAsync(converted, audio.ToWav());
            var (seconds, rms, outRate, outChannels) = await SoxStat.MeasureAsync(converted);

            Assert.Equal(8000, outRate);
            Assert.Equal(1, outChannels);
            Assert.InRange(seconds, 1.9, 2.2);
            Assert.True(rms > 0.1, $"RMS {rms}");
        }
        finally
        {
            File.Delete(source);
            File.Delete(converted);
        }
    }

    [Fact]
    public async Task ConvertUpload_of_a_text_file_is_refused_naming_it()
    {
        using var notAudio = new MemoryStream("hello"u8.ToArray());

        var refused = await Assert.ThrowsAsync<PromptException>(() => SoxAudio.ConvertUploadAsync(notAudio, "notes.txt", default));

        Assert.Contains("notes.txt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertUpload_of_garbage_named_wav_is_refused_naming_it()
    {
        using var garbage = new MemoryStream(new byte[4000]);

        var refused = await Assert.ThrowsAsync<PromptException>(() => SoxAudio.ConvertUploadAsync(garbage, "broken.wav", default));

        Assert.Contains("broken.wav", refused.Message, StringComparison.Ordinal);
    }
}
