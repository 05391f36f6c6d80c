using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Media.Audio;
using Telephony.Media.Wav;
using Telephony.Recording.Recorder;

namespace Telephony.Recording.Tests.Recorder;

public sealed class ConversationRecorderTests : IDisposable
{
    private const int Chunk = 160;
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingMetrics _metrics = new();

    [Fact]
    public async Task Recorder_caller_tone_and_agent_tone_with_gap_are_aligned_sample_exact_with_silence_in_the_gap()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "a", "call.wav"));
        const int total = 3 * 8000;
        const int gapStart = 8000;
        const int gapEnd = 12_000;
        for (var position = 0; position < total; position += Chunk)
        {
            recorder.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, Chunk));
            if (position < gapStart || position >= gapEnd)
            {
                recorder.Write(RecordingChannel.Agent, position, TestTones.Chunk(1000, position, Chunk));
            }
        }

        var file = await recorder.FinishAsync(CancellationToken.None);

        Assert.False(file.Failed);
        Assert.Equal(total, file.SampleFrames);
        var (left, right) = ReadStereo(file.Path);
        Assert.Equal(total, left.Length);
        for (var n = 0; n < total; n++)
        {
            Assert.Equal(TestTones.Sample(440, n), left[n]);
            Assert.Equal(n is >= gapStart and < gapEnd ? (short)0 : TestTones.Sample(1000, n), right[n]);
        }
    }

    [Fact]
    public async Task Recorder_leg_arriving_half_a_second_late_still_lands_at_its_position()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "late.wav"));
        const int total = 8000;
        const int delay = 4000;
        for (var position = 0; position < total + delay; position += Chunk)
        {
            if (position < total)
            {
                recorder.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, Chunk));
            }

            if (position >= delay)
            {
                recorder.Write(RecordingChannel.Agent, position - delay, TestTones.Chunk(1000, position - delay, Chunk));
            }
        }

        var file = await recorder.FinishAsync(CancellationToken.None);

        var (left, right) = ReadStereo(file.Path);
        Assert.Equal(0, file.DroppedLateSamples);
        for (var n = 0; n < total; n++)
        {
            Assert.Equal(TestTones.Sample(440, n), left[n]);
            Assert.Equal(TestTones.Sample(1000, n), right[n]);
        }
    }

    [Fact]
    public async Task Recorder_silent_leg_does_not_hold_back_the_other_beyond_the_lag()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "one-leg.wav"));
        for (var position = 0; position < 3 * 8000; position += Chunk)
        {
            recorder.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, Chunk));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var declared = await WaitForDeclaredDataAsync(recorder.Path, minimumBytes: 4 * 2 * 8000);

        // Everything more than the one-second lag behind the caller is written even though the agent sent nothing.
        Assert.True(declared >= 4 * 2 * 8000, $"declared {declared}");
        var file = await recorder.FinishAsync(CancellationToken.None);
        var (left, right) = ReadStereo(file.Path);
        Assert.Equal(3 * 8000, left.Length);
        Assert.All(right, s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task Recorder_periodic_flush_leaves_a_header_that_matches_the_bytes_written()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "flush.wav"));
        for (var position = 0; position < 2 * 8000; position += Chunk)
        {
            recorder.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, Chunk));
            recorder.Write(RecordingChannel.Agent, position, TestTones.Chunk(1000, position, Chunk));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var declared = await WaitForDeclaredDataAsync(recorder.Path, minimumBytes: 2 * 8000 * 4);

        Assert.Equal(2 * 8000 * 4, declared);
        Assert.Equal(44 + declared, new FileInfo(recorder.Path).Length);
        await recorder.FinishAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Recorder_jump_far_past_the_window_writes_silence_for_the_whole_gap()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "jump.wav"));
        recorder.Write(RecordingChannel.Caller, 0, TestTones.Chunk(440, 0, Chunk));
        recorder.Write(RecordingChannel.Agent, 0, TestTones.Chunk(1000, 0, Chunk));
        const int far = 10 * 8000;
        recorder.Write(RecordingChannel.Caller, far, TestTones.Chunk(440, far, Chunk));
        recorder.Write(RecordingChannel.Agent, far, TestTones.Chunk(1000, far, Chunk));

        var file = await recorder.FinishAsync(CancellationToken.None);

        var (left, right) = ReadStereo(file.Path);
        Assert.Equal(far + Chunk, left.Length);
        Assert.Equal(TestTones.Sample(440, 100), left[100]);
        Assert.All(left.AsSpan(Chunk, far - Chunk).ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(TestTones.Sample(1000, far + 7), right[far + 7]);
    }

    [Fact]
    public async Task Recorder_audio_after_finish_is_ignored_and_finish_twice_returns_the_same_file()
    {
        await using var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "after.wav"));
        recorder.Write(RecordingChannel.Caller, 0, TestTones.Chunk(440, 0, Chunk));
        var first = await recorder.FinishAsync(CancellationToken.None);
        recorder.Write(RecordingChannel.Caller, Chunk, TestTones.Chunk(440, Chunk, Chunk));
        var second = await recorder.FinishAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(Chunk, first.SampleFrames);
        Assert.Equal(0, loop.OpenCount);
    }

    [Fact]
    public async Task Loop_disposal_finishes_open_recordings_with_valid_headers()
    {
        var loop = NewLoop();
        var recorder = loop.Start(Path.Combine(_directory.Path, "shutdown.wav"));
        recorder.Write(RecordingChannel.Caller, 0, TestTones.Chunk(440, 0, 800));
        await loop.DisposeAsync();

        using var reader = WavReader.Open(recorder.Path);
        Assert.False(reader.IsTruncated);
        Assert.Equal(800, reader.SampleFrames);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _directory.Dispose();
    }

    private static (short[] Left, short[] Right) ReadStereo(string path)
    {
        using var reader = WavReader.Open(path);
        Assert.Equal(WavFormat.Pcm8kStereo, reader.Format);
        var stereo = reader.ReadAllSamples();
        var left = new short[stereo.Length / 2];
        var right = new short[stereo.Length / 2];
        PcmChannels.Deinterleave(stereo, left, right);
        return (left, right);
    }

    private static async Task<long> WaitForDeclaredDataAsync(string path, long minimumBytes)
    {
        // The flush runs on the writer loop; wait (bounded) for it to reach the file.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long declared = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var header = new byte[44];
                if (await stream.ReadAtLeastAsync(header, 44, throwOnEndOfStream: false) == 44)
                {
                    declared = BitConverter.ToUInt32(header, 40);
                    if (declared >= minimumBytes)
                    {
                        return declared;
                    }
                }
            }

            await Task.Delay(20);
        }

        return declared;
    }

    private RecordingWriterLoop NewLoop() =>
        new(new RecordingOptions { DataDirectory = _directory.Path }, _time, _metrics, NullLogger<RecordingWriterLoop>.Instance);
}
