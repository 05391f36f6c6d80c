using System.Buffers.Binary;
using Telephony.Media.Wav;

namespace Telephony.Media.Tests.Wav;

public sealed class WavRepairTests
{
    /// <summary>A writer that "crashed": its header was written, audio followed, the header never finished.</summary>
    private static MemoryStream CrashedFile(WavFormat format, int sampleCount, int extraBytes = 0)
    {
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, format, leaveOpen: true);
        writer.WriteSamples(new short[sampleCount]);
        stream.Write(new byte[extraBytes]);

        // Abandon the writer without disposing: the header still says zero.
        return stream;
    }

    [Fact]
    public void Repair_of_crashed_pcm_file_sets_riff_and_data_sizes()
    {
        using var stream = CrashedFile(WavFormat.Pcm8kStereo, 800);
        var result = WavRepair.Repair(stream);

        Assert.True(result.Repaired);
        Assert.Equal(1600, result.DataLength);
        var bytes = stream.ToArray();
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(1600u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));

        stream.Position = 0;
        using var reader = WavReader.Open(stream, leaveOpen: true);
        Assert.False(reader.IsTruncated);
        Assert.Equal(400, reader.SampleFrames);
    }

    [Fact]
    public void Repair_cuts_a_partial_sample_frame()
    {
        using var stream = CrashedFile(WavFormat.Pcm8kStereo, 8, extraBytes: 3);
        var result = WavRepair.Repair(stream);

        Assert.Equal(16, result.DataLength);
        Assert.Equal(3, result.DroppedBytes);
        Assert.Equal(44 + 16, stream.Length);
    }

    [Fact]
    public void Repair_of_crashed_g711_file_sets_fact_sample_count_and_pads_odd_data()
    {
        using var stream = CrashedFile(new WavFormat(WavEncoding.MuLaw, 8000, 1), 161);
        var result = WavRepair.Repair(stream);

        Assert.Equal(161, result.DataLength);
        var bytes = stream.ToArray();
        Assert.Equal(161u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(46)));
        Assert.Equal(161u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(54)));
        Assert.Equal(58 + 162, bytes.Length);
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
    }

    [Fact]
    public void Repair_of_finished_file_changes_nothing()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true))
        {
            writer.WriteSamples(new short[100]);
        }

        var before = stream.ToArray();
        var result = WavRepair.Repair(stream);

        Assert.False(result.Repaired);
        Assert.Equal(before, stream.ToArray());
    }

    [Fact]
    public void Flushed_writer_header_describes_audio_up_to_the_flush()
    {
        using var stream = new MemoryStream();
        var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true);
        writer.WriteSamples(new short[160]);
        writer.Flush();
        writer.WriteSamples(new short[160]);

        // Copy as if the process died now: the flushed sizes are in the header, later audio is not.
        var snapshot = new MemoryStream(stream.ToArray());
        using var reader = WavReader.Open(snapshot);
        Assert.Equal(160, reader.SampleFrames);
        Assert.False(reader.IsTruncated);
    }

    [Fact]
    public void Repair_after_a_flush_keeps_the_audio_written_after_it()
    {
        using var stream = new MemoryStream();
        var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true);
        writer.WriteSamples(new short[160]);
        writer.Flush();
        writer.WriteSamples(new short[240]);

        // The process dies here: the header describes 160 samples, 400 are on disk.
        var crashed = new MemoryStream(stream.ToArray());
        var result = WavRepair.Repair(crashed);

        Assert.True(result.Repaired);
        Assert.Equal(800, result.DataLength);
        crashed.Position = 0;
        using var reader = WavReader.Open(crashed);
        Assert.Equal(400, reader.SampleFrames);
        Assert.False(reader.IsTruncated);
    }

    [Fact]
    public void Repair_keeps_a_chunk_that_the_riff_size_says_follows_the_data()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true))
        {
            writer.WriteSamples(new short[100]);
        }

        // A LIST chunk appended by another tool that updated the RIFF size to cover it.
        stream.Position = stream.Length;
        stream.Write("LIST"u8);
        stream.Write([4, 0, 0, 0]);
        stream.Write("INFO"u8);
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        using var tagged = new MemoryStream();
        tagged.Write(bytes);

        var result = WavRepair.Repair(tagged);

        Assert.False(result.Repaired);
        Assert.Equal(200, result.DataLength);
        Assert.Equal(bytes, tagged.ToArray());
    }

    [Fact]
    public void Reader_of_unrepaired_crashed_file_reads_the_audio_present()
    {
        using var stream = CrashedFile(WavFormat.Pcm8kMono, 320);
        stream.Position = 0;
        using var reader = WavReader.Open(stream, leaveOpen: true);
        Assert.True(reader.IsTruncated);
        Assert.Equal(320, reader.SampleFrames);
    }

    [Fact]
    public void Repair_of_file_on_disk_fixes_it_in_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wav-repair-{Guid.NewGuid():N}.wav");
        try
        {
            using (var crashed = CrashedFile(WavFormat.Pcm8kMono, 80))
            {
                File.WriteAllBytes(path, crashed.ToArray());
            }

            Assert.True(WavRepair.Repair(path).Repaired);
            using var reader = WavReader.Open(path);
            Assert.Equal(80, reader.SampleFrames);
            Assert.False(reader.IsTruncated);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
