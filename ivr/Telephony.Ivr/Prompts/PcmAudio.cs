using System.Buffers.Binary;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Telephone-band audio: 16-bit signed little-endian PCM, 8 kHz, mono — what every provider returns and the cache stores.
/// The call layer encodes it to G.711 (A-law or µ-law, whichever the call negotiated) as it plays.
/// </summary>
public sealed class PcmAudio
{
    public const int SampleRate = 8000;
    private const int WavHeaderLength = 44;

    public PcmAudio(ReadOnlyMemory<byte> samples)
    {
        if (samples.Length % 2 != 0)
        {
            throw new ArgumentException("16-bit PCM has an even number of bytes.", nameof(samples));
        }

        Samples = samples;
    }

    /// <summary>The samples, two bytes each, little-endian.</summary>
    public ReadOnlyMemory<byte> Samples { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / 2.0 / SampleRate);

    /// <summary>A RIFF WAVE file of the samples (format 1, PCM), which browsers play as it is.</summary>
    public byte[] ToWav()
    {
        var wav = new byte[WavHeaderLength + Samples.Length];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], Samples.Length);
        Samples.Span.CopyTo(span[WavHeaderLength..]);
        return wav;
    }

    /// <summary>
    /// Reads a WAV that must already be 8 kHz mono 16-bit PCM, walking the chunks (providers add LIST and other chunks);
    /// anything else is refused rather than played at the wrong speed.
    /// </summary>
    public static PcmAudio FromWav(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF WAVE file.");
        }

        var formatSeen = false;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var length = BinaryPrimitives.ReadInt32LittleEndian(wav[(position + 4)..]);
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                CheckFormat(wav.Slice(body, Math.Min(length, wav.Length - body)));
                formatSeen = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!formatSeen)
                {
                    throw new InvalidDataException("WAVE data comes before its format.");
                }

                // Streamed WAVs may carry a placeholder length; take what is there.
                var available = wav.Length - body;
                var size = length < 0 || length > available ? available : length;
                return new PcmAudio(wav.Slice(body, size & ~1).ToArray());
            }

            position = body + length + (length & 1);
        }

        throw new InvalidDataException("The WAVE file has no data chunk.");
    }

    private static void CheckFormat(ReadOnlySpan<byte> format)
    {
        if (format.Length < 16)
        {
            throw new InvalidDataException("The WAVE format chunk is too short.");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(format[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        if (tag != 1 || channels != 1 || rate != SampleRate || bits != 16)
        {
            throw new InvalidDataException($"Expected 8 kHz mono 16-bit PCM, got format {tag}, {channels} channels, {rate} Hz, {bits} bits.");
        }
    }
}
